namespace LiqBot.Rendering;

/// <summary>
/// A 256-entry perceptual colour scale (dark purple, teal, yellow), interpolated from ten
/// anchors of matplotlib's viridis, precomputed as premultiplied ARGB for direct pixel writes.
/// </summary>
internal static class ViridisScale
{
    public const int Size = 256;

    private static readonly uint[] Anchors =
    [
        0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58, 0xB5DE2B, 0xFDE725,
    ];

    private static readonly Rgba[] Colours = BuildColours();
    private static readonly uint[] Pixels = Array.ConvertAll(Colours, c => c.ToPremultipliedArgb());

    /// <summary>Premultiplied ARGB pixels, index 0 darkest, 255 brightest.</summary>
    public static ReadOnlySpan<uint> ArgbTable => Pixels;

    public static Rgba Colour(int index) => Colours[Math.Clamp(index, 0, Size - 1)];

    /// <summary>Index of <paramref name="value"/> on a scale from 0 to <paramref name="top"/>, clipped.</summary>
    public static int IndexOf(double value, double top) =>
        top <= 0 || !(value > 0) ? 0 : (int)Math.Min(Size - 1, value / top * (Size - 1) + 0.5);

    private static Rgba[] BuildColours()
    {
        var colours = new Rgba[Size];
        var segments = Anchors.Length - 1;
        for (var i = 0; i < Size; i++)
        {
            var position = (double)i / (Size - 1) * segments;
            var segment = Math.Min(segments - 1, (int)position);
            colours[i] = Rgba.FromHex(Anchors[segment]).Mix(Rgba.FromHex(Anchors[segment + 1]), position - segment);
        }

        return colours;
    }
}
