using System.Buffers;

namespace LiqBot.Rendering;

/// <summary>
/// Anti-aliased wide polylines blended straight into the pixel buffer. Skia fills the outline of a
/// stroked 400-point price path in about 1.5 ms; here each pixel near the line takes the coverage
/// of its nearest segment (round joins for free), and each pixel is blended once, so a translucent
/// halo does not darken where segments overlap.
/// </summary>
internal static class PolylinePainter
{
    /// <summary>Strokes through the points, clipped to <paramref name="clip"/>; a NaN coordinate breaks the line.</summary>
    public static void Stroke(PixelBuffer pixels, PlotArea clip, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double width, Rgba colour)
    {
        var half = width / 2;
        var reach = half + 1;
        var left = Math.Max(0, (int)Math.Floor(clip.Left));
        var top = Math.Max(0, (int)Math.Floor(clip.Top));
        var right = Math.Min(pixels.Width, (int)Math.Ceiling(clip.Right));
        var bottom = Math.Min(pixels.Height, (int)Math.Ceiling(clip.Bottom));
        if (right <= left || bottom <= top)
        {
            return;
        }

        var boxWidth = right - left;
        var boxHeight = bottom - top;
        var box = new Box(left, top, right, bottom, boxWidth);
        var spans = RowSpans(xs, ys, reach, box);
        var coverage = ArrayPool<float>.Shared.Rent(boxWidth * boxHeight);
        try
        {
            // The pool hands out used arrays: clear just the cells the segments can reach.
            foreach (var (y, from, to) in spans)
            {
                coverage.AsSpan(((y - top) * boxWidth) + from - left, to - from + 1).Clear();
            }

            for (var i = 1; i < xs.Length; i++)
            {
                if (SegmentBounds(xs, ys, i, reach, box) is var bounds && bounds.ToX >= bounds.FromX)
                {
                    Cover(coverage, box, xs[i - 1], ys[i - 1], xs[i], ys[i], half, bounds);
                }
            }

            foreach (var (y, from, to) in spans)
            {
                var line = pixels.Row(y);
                var cells = coverage.AsSpan(((y - top) * boxWidth) + from - left, to - from + 1);
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] > 0)
                    {
                        line[from + i] = PixelBlend.Over(line[from + i], colour, cells[i] * colour.A);
                        cells[i] = 0; // spans may overlap when the path doubles back: blend each pixel once
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(coverage);
        }
    }

    /// <summary>
    /// Per pixel row, x ranges that some segment can touch: a piece that meets the row's open range
    /// widens it (consecutive segments of a path mostly do), any other closes it and opens anew.
    /// </summary>
    private static List<(int Y, int From, int To)> RowSpans(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double reach, Box box)
    {
        var height = box.Bottom - box.Top;
        var spans = new List<(int Y, int From, int To)>();
        var openFrom = ArrayPool<int>.Shared.Rent(height);
        var openTo = ArrayPool<int>.Shared.Rent(height);
        try
        {
            Array.Fill(openTo, -1, 0, height);
            for (var i = 1; i < xs.Length; i++)
            {
                var (fromX, toX, fromY, toY) = SegmentBounds(xs, ys, i, reach, box);
                for (var y = fromY; y <= toY && toX >= fromX; y++)
                {
                    var row = y - box.Top;
                    if (openTo[row] >= 0 && fromX <= openTo[row] + 1 && toX >= openFrom[row] - 1)
                    {
                        (openFrom[row], openTo[row]) = (Math.Min(openFrom[row], fromX), Math.Max(openTo[row], toX));
                        continue;
                    }

                    if (openTo[row] >= 0)
                    {
                        spans.Add((y, openFrom[row], openTo[row]));
                    }

                    (openFrom[row], openTo[row]) = (fromX, toX);
                }
            }

            for (var row = 0; row < height; row++)
            {
                if (openTo[row] >= 0)
                {
                    spans.Add((box.Top + row, openFrom[row], openTo[row]));
                }
            }

            return spans;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(openFrom);
            ArrayPool<int>.Shared.Return(openTo);
        }
    }

    private readonly record struct Box(int Left, int Top, int Right, int Bottom, int Width);

    /// <summary>The pixels segment i-1 -> i can touch, within the box; an empty range when a point is NaN.</summary>
    private static (int FromX, int ToX, int FromY, int ToY) SegmentBounds(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int i, double reach, Box box)
    {
        var (x0, y0, x1, y1) = (xs[i - 1], ys[i - 1], xs[i], ys[i]);
        if (double.IsNaN(x0) || double.IsNaN(y0) || double.IsNaN(x1) || double.IsNaN(y1))
        {
            return (0, -1, 0, -1);
        }

        return (
            Math.Max(box.Left, (int)Math.Floor(Math.Min(x0, x1) - reach)),
            Math.Min(box.Right - 1, (int)Math.Ceiling(Math.Max(x0, x1) + reach)),
            Math.Max(box.Top, (int)Math.Floor(Math.Min(y0, y1) - reach)),
            Math.Min(box.Bottom - 1, (int)Math.Ceiling(Math.Max(y0, y1) + reach)));
    }

    /// <summary>Raises each pixel's coverage to that of this segment: full within half the width, fading over one pixel.</summary>
    private static void Cover(float[] coverage, Box box, double x0, double y0, double x1, double y1, double half, (int FromX, int ToX, int FromY, int ToY) bounds)
    {
        var (dx, dy) = (x1 - x0, y1 - y0);
        var lengthSquared = (dx * dx) + (dy * dy);
        var outerSquared = (half + 0.5) * (half + 0.5);
        var innerSquared = half > 0.5 ? (half - 0.5) * (half - 0.5) : 0;
        for (var y = bounds.FromY; y <= bounds.ToY; y++)
        {
            var row = (y - box.Top) * box.Width;
            var py = y + 0.5 - y0;
            for (var x = bounds.FromX; x <= bounds.ToX; x++)
            {
                var px = x + 0.5 - x0;
                var along = lengthSquared > 0 ? Math.Clamp(((px * dx) + (py * dy)) / lengthSquared, 0, 1) : 0;
                var (ex, ey) = (px - (along * dx), py - (along * dy));
                var squared = (ex * ex) + (ey * ey);
                if (squared >= outerSquared)
                {
                    continue;
                }

                var cover = squared <= innerSquared ? 1f : (float)Math.Clamp(half + 0.5 - Math.Sqrt(squared), 0, 1);
                ref var cell = ref coverage[row + x - box.Left];
                cell = Math.Max(cell, cover);
            }
        }
    }
}
