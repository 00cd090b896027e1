namespace LiqBot.Rendering;

/// <summary>Source-over blending of one straight colour into an opaque 0xAARRGGBB pixel word.</summary>
internal static class PixelBlend
{
    public static uint Over(uint destination, Rgba source, double alpha)
    {
        if (alpha <= 0)
        {
            return destination;
        }

        static uint Channel(uint under, double over, double alpha) => (uint)((under * (1 - alpha)) + (over * 255 * alpha) + 0.5);
        var red = Channel((destination >> 16) & 0xFF, source.R, alpha);
        var green = Channel((destination >> 8) & 0xFF, source.G, alpha);
        var blue = Channel(destination & 0xFF, source.B, alpha);
        return 0xFF000000u | (red << 16) | (green << 8) | blue;
    }
}
