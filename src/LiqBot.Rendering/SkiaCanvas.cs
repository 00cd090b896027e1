using System.Runtime.InteropServices;
using SkiaSharp;

namespace LiqBot.Rendering;

/// <summary>
/// An opaque raster bitmap and the Skia canvas that draws on it, with the few operations the charts
/// use. The bitmap is BGRA in memory, so each pixel reads as one 0xAARRGGBB word: cells and dots are
/// written straight into it, and the PNG is encoded from it without a copy.
/// </summary>
internal sealed class SkiaCanvas : IDisposable
{
    private readonly SKBitmap bitmap;
    private readonly SKCanvas canvas;
    private readonly SKPaint paint = new() { IsAntialias = true };
    private readonly SKFont font = new(ChartFonts.Regular) { Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.Slight, Subpixel = true };
    private PlotArea? clip;

    public SkiaCanvas(int width, int height)
    {
        bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        canvas = new SKCanvas(bitmap);
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixels as words, for direct writes; call <see cref="EndPixelWrite"/> before drawing again.</summary>
    public PixelBuffer BeginPixelWrite() => Pixels(bitmap);

    public void EndPixelWrite() => bitmap.NotifyPixelsChanged();

    /// <summary>The words of any 32-bit bitmap, e.g. one decoded to compare encoders.</summary>
    public static PixelBuffer Pixels(SKBitmap image)
    {
        if (image.BytesPerPixel != 4)
        {
            throw new ArgumentException($"Expected 4 bytes per pixel, got {image.BytesPerPixel} ({image.ColorType}).", nameof(image));
        }

        var words = MemoryMarshal.Cast<byte, uint>(image.GetPixelSpan());
        return new PixelBuffer(words, image.RowBytes / 4, image.Width, image.Height);
    }

    /// <summary>Covers the whole image with one colour.</summary>
    public void Paint(Rgba colour) => canvas.DrawColor(ToSkia(colour), SKBlendMode.SrcOver);

    public void FillRect(double x, double y, double width, double height, Rgba colour)
    {
        Fill(colour);
        canvas.DrawRect(Rect(x, y, width, height), paint);
    }

    /// <summary>Fills many rectangles (x, y, width, height quadruples) in one colour.</summary>
    public void FillRects(ReadOnlySpan<double> quads, Rgba colour)
    {
        Fill(colour);
        for (var i = 0; i + 3 < quads.Length; i += 4)
        {
            canvas.DrawRect(Rect(quads[i], quads[i + 1], quads[i + 2], quads[i + 3]), paint);
        }
    }

    public void StrokeRect(double x, double y, double width, double height, Rgba colour, double lineWidth)
    {
        Stroke(colour, lineWidth);
        canvas.DrawRect(Rect(x, y, width, height), paint);
    }

    public void Line(double x0, double y0, double x1, double y1, Rgba colour, double lineWidth, double dash = 0)
    {
        Stroke(colour, lineWidth);
        using var dashes = dash > 0 ? SKPathEffect.CreateDash([(float)dash, (float)(dash * 0.75)], 0) : null;
        paint.PathEffect = dashes;
        canvas.DrawLine((float)x0, (float)y0, (float)x1, (float)y1, paint);
        paint.PathEffect = null;
    }

    /// <summary>Strokes a polyline through the points, within the current clip; NaN coordinates break the line.</summary>
    public void Polyline(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Rgba colour, double lineWidth)
    {
        PolylinePainter.Stroke(BeginPixelWrite(), clip ?? new PlotArea(0, 0, Width, Height), xs, ys, lineWidth, colour);
        EndPixelWrite();
    }

    /// <summary>Fills all circles as one path (one rasterisation), then outlines them.</summary>
    public void Circles(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> radii, Rgba fill, Rgba outline, double outlineWidth)
    {
        using var builder = new SKPathBuilder();
        for (var i = 0; i < xs.Length; i++)
        {
            builder.AddCircle((float)xs[i], (float)ys[i], (float)radii[i], SKPathDirection.Clockwise);
        }

        using var path = builder.Detach();
        Fill(fill);
        canvas.DrawPath(path, paint);
        Stroke(outline, outlineWidth);
        canvas.DrawPath(path, paint);
    }

    public void FillPolygon(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Rgba colour)
    {
        if (xs.IsEmpty)
        {
            return;
        }

        using var builder = new SKPathBuilder();
        builder.MoveTo((float)xs[0], (float)ys[0]);
        for (var i = 1; i < xs.Length; i++)
        {
            builder.LineTo((float)xs[i], (float)ys[i]);
        }

        builder.Close();
        using var path = builder.Detach();
        Fill(colour);
        canvas.DrawPath(path, paint);
    }

    public void ClipTo(double x, double y, double width, double height)
    {
        clip = new PlotArea(x, y, x + width, y + height);
        canvas.Save();
        canvas.ClipRect(Rect(x, y, width, height), SKClipOperation.Intersect, antialias: true);
    }

    public void ResetClip()
    {
        clip = null;
        canvas.Restore();
    }

    public void SetFont(double size, bool bold = false)
    {
        font.Typeface = bold ? ChartFonts.Bold : ChartFonts.Regular;
        font.Size = (float)size;
    }

    /// <summary>The advance width of the text in the current font.</summary>
    public double MeasureText(string text) => font.MeasureText(text);

    /// <summary>Draws text with its baseline at <paramref name="y"/>; returns its advance width.</summary>
    public double Text(string text, double x, double y, Rgba colour, TextAlign align = TextAlign.Left)
    {
        var width = MeasureText(text);
        var left = align switch
        {
            TextAlign.Center => x - (width / 2),
            TextAlign.Right => x - width,
            _ => x,
        };
        Fill(colour);
        canvas.DrawText(text, (float)left, (float)y, SKTextAlign.Left, font, paint);
        return width;
    }

    /// <summary>Draws text turned a quarter anticlockwise, centred on (x, y), for vertical axis titles.</summary>
    public void VerticalText(string text, double x, double y, Rgba colour)
    {
        canvas.Save();
        canvas.Translate((float)x, (float)y);
        canvas.RotateDegrees(-90);
        Text(text, 0, 0, colour, TextAlign.Center);
        canvas.Restore();
    }

    /// <summary>The image as PNG bytes, by the fastest encoder measured (see FastPngWriter).</summary>
    public byte[] EncodePng() => FastPngWriter.Encode(BeginPixelWrite());

    public void Dispose()
    {
        font.Dispose();
        paint.Dispose();
        canvas.Dispose();
        bitmap.Dispose();
    }

    private static SKRect Rect(double x, double y, double width, double height) =>
        SKRect.Create((float)x, (float)y, (float)width, (float)height);

    private static SKColor ToSkia(Rgba colour)
    {
        static byte Channel(double value) => (byte)Math.Round(Math.Clamp(value, 0, 1) * 255.0);
        return new SKColor(Channel(colour.R), Channel(colour.G), Channel(colour.B), Channel(colour.A));
    }

    private void Fill(Rgba colour)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = ToSkia(colour);
    }

    private void Stroke(Rgba colour, double lineWidth)
    {
        paint.Style = SKPaintStyle.Stroke;
        paint.Color = ToSkia(colour);
        paint.StrokeWidth = (float)lineWidth;
        paint.StrokeCap = SKStrokeCap.Butt;
    }
}
