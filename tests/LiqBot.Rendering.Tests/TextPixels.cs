namespace LiqBot.Rendering.Tests;

/// <summary>Counts the light-grey pixels that anti-aliased label text leaves on the dark background.</summary>
internal static class TextPixels
{
    public static int Count(PngImage image, int left, int top, int width, int height)
    {
        var count = 0;
        for (var y = Math.Max(0, top); y < Math.Min(image.Height, top + height); y++)
        {
            for (var x = Math.Max(0, left); x < Math.Min(image.Width, left + width); x++)
            {
                count += PixelColours.Brightness(image.Pixel(x, y)) > 0.35 ? 1 : 0;
            }
        }

        return count;
    }
}
