namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>
/// Direct access to an image surface's memory: one native-endian 32-bit word per pixel, 0xAARRGGBB premultiplied
/// (on the opaque RGB24 surfaces used here the top byte is ignored).
/// Valid only between <see cref="CairoCanvas.BeginPixelWrite"/> and <see cref="CairoCanvas.EndPixelWrite"/>.
/// </summary>
internal readonly unsafe struct PixelBuffer
{
    private readonly byte* data;

    public PixelBuffer(byte* data, int stride, int width, int height)
    {
        this.data = data;
        Stride = stride;
        Width = width;
        Height = height;
    }

    public int Stride { get; }

    public int Width { get; }

    public int Height { get; }

    public Span<uint> Row(int y)
    {
        if ((uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"Row must be within 0..{Height - 1}.");
        }

        return new Span<uint>(data + ((long)y * Stride), Width);
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
