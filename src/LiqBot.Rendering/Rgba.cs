namespace LiqBot.Rendering;

/// <summary>A straight (not premultiplied) colour with components in 0..1.</summary>
internal readonly record struct Rgba(double R, double G, double B, double A = 1.0)
{
    public static Rgba FromHex(uint rgb, double alpha = 1.0) =>
        new(((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0, alpha);

    public Rgba WithAlpha(double alpha) => this with { A = alpha };

    /// <summary>Mixes toward <paramref name="other"/>: 0 keeps this colour, 1 gives the other.</summary>
    public Rgba Mix(Rgba other, double amount) =>
        new(R + ((other.R - R) * amount), G + ((other.G - G) * amount), B + ((other.B - B) * amount), A + ((other.A - A) * amount));

    /// <summary>The pixel as the canvas's bitmap stores it (see PixelBuffer): premultiplied alpha, native-endian 0xAARRGGBB.</summary>
    public uint ToPremultipliedArgb()
    {
        var a = Math.Clamp(A, 0, 1);
        static uint Channel(double value, double alpha) => (uint)Math.Round(Math.Clamp(value, 0, 1) * alpha * 255.0);
        return ((uint)Math.Round(a * 255.0) << 24) | (Channel(R, a) << 16) | (Channel(G, a) << 8) | Channel(B, a);
    }
}
