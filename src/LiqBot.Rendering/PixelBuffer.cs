namespace LiqBot.Rendering;

/// <summary>
/// Direct access to a canvas's pixel memory: one native-endian 32-bit word per pixel, 0xAARRGGBB
/// premultiplied (the charts' bitmaps are opaque, so alpha is always 0xFF).
/// Valid only between <see cref="SkiaCanvas.BeginPixelWrite"/> and <see cref="SkiaCanvas.EndPixelWrite"/>.
/// </summary>
internal readonly ref struct PixelBuffer
{
    private readonly Span<uint> words;

    public PixelBuffer(Span<uint> words, int stride, int width, int height)
    {
        if (stride < width || words.Length < (long)stride * (height - 1) + width)
        {
            throw new ArgumentException($"{words.Length} words cannot hold {height} rows of {width} pixels {stride} apart.", nameof(words));
        }

        this.words = words;
        Stride = stride;
        Width = width;
        Height = height;
    }

    /// <summary>Words from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    public int Width { get; }

    public int Height { get; }

    public Span<uint> Row(int y)
    {
        if ((uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"Row must be within 0..{Height - 1}.");
        }

        return words.Slice(y * Stride, Width);
    }

    /// <summary>Fills the rectangle, clipped to the image, with one premultiplied ARGB value.</summary>
    public void FillRect(int x, int y, int width, int height, uint argb)
    {
        var x0 = Math.Max(0, x);
        var x1 = Math.Min(Width, x + width);
        var y0 = Math.Max(0, y);
        var y1 = Math.Min(Height, y + height);
        for (var row = y0; row < y1 && x1 > x0; row++)
        {
            Row(row)[x0..x1].Fill(argb);
        }
    }
}
