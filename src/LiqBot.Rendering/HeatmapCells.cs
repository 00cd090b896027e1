using System.Buffers;
using LiqBot.Engine.Model;

namespace LiqBot.Rendering;

/// <summary>
/// Writes heatmap cells straight into the image's pixel memory, one viridis colour per pixel:
/// a strip of colours per time column (the densest row under each pixel, so thin levels survive
/// downsampling) copied across the column's pixels. No draw call per cell.
/// </summary>
internal static class HeatmapCells
{
    /// <summary>The colour scale over the cells in view: the 99th percentile of the non-zero ones.</summary>
    public static ScaleClip ColourScale(HeatmapSnapshot heatmap, HeatmapGeometry geometry)
    {
        var (firstRow, lastRow) = VisibleRows(heatmap, geometry);
        var rows = Math.Max(0, lastRow - firstRow + 1);
        var buffer = ArrayPool<double>.Shared.Rent(Math.Max(1, rows * heatmap.Columns.Count));
        try
        {
            var count = 0;
            foreach (var column in heatmap.Columns)
            {
                for (var row = firstRow; row <= lastRow; row++)
                {
                    var value = column.Cells[row];
                    if (value > 0 && float.IsFinite(value))
                    {
                        buffer[count++] = value;
                    }
                }
            }

            return ScaleClip.FromPositives(buffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    public static void Paint(PixelBuffer pixels, HeatmapSnapshot heatmap, HeatmapGeometry geometry, double scaleTop)
    {
        var width = geometry.PlotWidth;
        var height = geometry.PlotHeight;
        var columnOfPixel = ColumnOfEachPixel(heatmap, geometry);
        var (rowFrom, rowTo) = RowsOfEachPixel(heatmap, geometry);
        var strips = ArrayPool<uint>.Shared.Rent(heatmap.Columns.Count * height);
        try
        {
            var table = ViridisScale.ArgbTable;
            var empty = Theme.PlotBackground.ToPremultipliedArgb();
            var inverseTop = scaleTop > 0 ? (ViridisScale.Size - 1) / scaleTop : 0;
            for (var c = 0; c < heatmap.Columns.Count; c++)
            {
                var cells = heatmap.Columns[c].Cells;
                var strip = strips.AsSpan(c * height, height);
                for (var y = 0; y < height; y++)
                {
                    if (rowFrom[y] < 0)
                    {
                        strip[y] = empty;
                        continue;
                    }

                    var densest = 0f;
                    for (var row = rowFrom[y]; row <= rowTo[y]; row++)
                    {
                        densest = Math.Max(densest, cells[row]);
                    }

                    strip[y] = table[densest > 0 ? (int)Math.Min(ViridisScale.Size - 1, (densest * inverseTop) + 0.5) : 0];
                }
            }

            for (var y = 0; y < height; y++)
            {
                var line = pixels.Row(geometry.PlotTop + y).Slice(geometry.PlotLeft, width);
                for (var x = 0; x < width; x++)
                {
                    var column = columnOfPixel[x];
                    line[x] = column < 0 ? empty : strips[(column * height) + y];
                }
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(strips);
        }
    }

    /// <summary>The vertical colour bar: brightest at the top, darkest at the bottom, one table entry per pixel row.</summary>
    public static void PaintColourBar(PixelBuffer pixels, HeatmapGeometry geometry)
    {
        var top = (int)geometry.ColourBarTop;
        var bottom = (int)geometry.Plot.Bottom;
        var table = ViridisScale.ArgbTable;
        for (var y = top; y < bottom; y++)
        {
            var index = (int)Math.Round((bottom - 1 - y) / (double)Math.Max(1, bottom - 1 - top) * (ViridisScale.Size - 1));
            pixels.FillRect((int)geometry.ColourBarLeft, y, (int)geometry.ColourBarWidth, 1, table[index]);
        }
    }

    public static (int First, int Last) VisibleRows(HeatmapSnapshot heatmap, HeatmapGeometry geometry)
    {
        var first = (int)Math.Floor((geometry.PriceLow - heatmap.PriceLow) / heatmap.BinSize);
        var last = (int)Math.Ceiling((geometry.PriceHigh - heatmap.PriceLow) / heatmap.BinSize) - 1;
        return (Math.Clamp(first, 0, heatmap.Rows - 1), Math.Clamp(last, 0, heatmap.Rows - 1));
    }

    private static int[] ColumnOfEachPixel(HeatmapSnapshot heatmap, HeatmapGeometry geometry)
    {
        var columnOfPixel = new int[geometry.PlotWidth];
        var column = 0;
        for (var x = 0; x < columnOfPixel.Length; x++)
        {
            var time = geometry.TimeAt(geometry.Plot.Left + x + 0.5);
            while (column < heatmap.Columns.Count - 1 && heatmap.Columns[column].End <= time)
            {
                column++;
            }

            var candidate = heatmap.Columns[column];
            columnOfPixel[x] = candidate.Start <= time && time < candidate.End ? column : -1;
        }

        return columnOfPixel;
    }

    /// <summary>The grid rows under each pixel row, or -1 where the pixel lies outside the grid.</summary>
    private static (int[] From, int[] To) RowsOfEachPixel(HeatmapSnapshot heatmap, HeatmapGeometry geometry)
    {
        var from = new int[geometry.PlotHeight];
        var to = new int[geometry.PlotHeight];
        for (var y = 0; y < from.Length; y++)
        {
            var priceTop = geometry.PriceAt(geometry.Plot.Top + y);
            var priceBottom = geometry.PriceAt(geometry.Plot.Top + y + 1);
            if (priceTop <= heatmap.PriceLow || priceBottom >= heatmap.PriceHigh)
            {
                (from[y], to[y]) = (-1, -1); // outside the grid: no data
                continue;
            }

            var low = Math.Clamp((int)Math.Floor((priceBottom - heatmap.PriceLow) / heatmap.BinSize), 0, heatmap.Rows - 1);
            var high = Math.Clamp((int)Math.Ceiling((priceTop - heatmap.PriceLow) / heatmap.BinSize) - 1, 0, heatmap.Rows - 1);
            (from[y], to[y]) = (low, Math.Max(low, high));
        }

        return (from, to);
    }
}
