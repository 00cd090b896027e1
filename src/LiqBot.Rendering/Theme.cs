namespace LiqBot.Rendering;

/// <summary>The dark palette shared by both charts, chosen to sit well on Discord's and Telegram's dark themes.</summary>
internal static class Theme
{
    public static readonly Rgba Background = Rgba.FromHex(0x131722);
    public static readonly Rgba PlotBackground = Rgba.FromHex(0x171B26);
    public static readonly Rgba Grid = Rgba.FromHex(0x2A2E39);
    public static readonly Rgba Axis = Rgba.FromHex(0x434651);
    public static readonly Rgba Text = Rgba.FromHex(0xD1D4DC);
    public static readonly Rgba DimText = Rgba.FromHex(0x8B93A6);
    public static readonly Rgba Title = Rgba.FromHex(0xF0F3FA);
    public static readonly Rgba PriceLine = Rgba.FromHex(0xE8EAF0);
    public static readonly Rgba PriceTag = Rgba.FromHex(0xE8EAF0);
    public static readonly Rgba PriceTagText = Rgba.FromHex(0x131722);
    public static readonly Rgba Warning = Rgba.FromHex(0xF0B429);
    public static readonly Rgba GapShade = Rgba.FromHex(0x3A3F4B);
    public static readonly Rgba GapHatch = Rgba.FromHex(0xA9AFBC);

    public static readonly Rgba LongDark = Rgba.FromHex(0x8E2430);
    public static readonly Rgba LongLight = Rgba.FromHex(0xF9AEB4);
    public static readonly Rgba ShortDark = Rgba.FromHex(0x17694A);
    public static readonly Rgba ShortLight = Rgba.FromHex(0xA8E8C4);
    public static readonly Rgba LongCurve = Rgba.FromHex(0xFF6B78);
    public static readonly Rgba ShortCurve = Rgba.FromHex(0x4FE39A);

    public static readonly Rgba LongDot = Rgba.FromHex(0xFF4D5E);
    public static readonly Rgba ShortDot = Rgba.FromHex(0x3DF08F);
    public static readonly Rgba DotOutline = Rgba.FromHex(0x0B0D12, 0.85);

    /// <summary>Shade of tier <paramref name="tier"/> of <paramref name="count"/>: low leverage dark, high leverage bright.</summary>
    public static Rgba TierShade(bool isLong, int tier, int count)
    {
        var amount = count <= 1 ? 0.5 : (double)tier / (count - 1);
        return isLong ? LongDark.Mix(LongLight, amount) : ShortDark.Mix(ShortLight, amount);
    }

    /// <summary>Font and line scale for a size: 1 at 1280x720, kept readable at 640x360.</summary>
    public static double Scale(RenderSize size) => Math.Clamp(Math.Min(size.Width / 1280.0, size.Height / 720.0), 0.72, 2.0);
}
