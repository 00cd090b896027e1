namespace LiqBot.Rendering.Tests;

/// <summary>Classifies decoded pixels by hue, so tests speak of "red" and "green" rather than exact shades.</summary>
internal static class PixelColours
{
    public static bool IsRed((byte R, byte G, byte B, byte A) pixel) => Hue(pixel, out var saturation) is var hue && saturation > 0.25 && (hue < 15 || hue > 340);

    public static bool IsGreen((byte R, byte G, byte B, byte A) pixel) => Hue(pixel, out var saturation) is >= 100 and <= 170 && saturation > 0.2;

    public static bool IsAmber((byte R, byte G, byte B, byte A) pixel) => Hue(pixel, out var saturation) is >= 35 and <= 50 && saturation > 0.5;

    /// <summary>Light and colourless, as the hatching of an outage band is.</summary>
    public static bool IsLightGrey((byte R, byte G, byte B, byte A) pixel) => Hue(pixel, out var saturation) >= 0 && saturation < 0.2 && Brightness(pixel) > 0.45;

    public static double Brightness((byte R, byte G, byte B, byte A) pixel) => (pixel.R + pixel.G + pixel.B) / (3 * 255.0);

    private static double Hue((byte R, byte G, byte B, byte A) pixel, out double saturation)
    {
        double r = pixel.R / 255.0, g = pixel.G / 255.0, b = pixel.B / 255.0;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var delta = max - min;
        saturation = max == 0 ? 0 : delta / max;
        if (delta == 0)
        {
            return 0;
        }

        var hue = max == r ? 60 * (((g - b) / delta) % 6) : max == g ? 60 * (((b - r) / delta) + 2) : 60 * (((r - g) / delta) + 4);
        return hue < 0 ? hue + 360 : hue;
    }
}
