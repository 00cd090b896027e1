using LiqBot.Engine.Model;

namespace LiqBot.Rendering;

/// <summary>
/// Where things go on a heatmap: time to x, price to y over a band around the traded range.
/// The plot has whole-pixel edges because its cells are written straight into the pixel buffer.
/// </summary>
internal sealed class HeatmapGeometry
{
    private const double PadOfTradedRange = 0.35;
    private const double MinPadOfPrice = 0.04;

    public HeatmapGeometry(RenderSize size, HeatmapSnapshot heatmap)
    {
        Scale = Theme.Scale(size);
        Plot = new PlotArea(Math.Round(16 * Scale), Math.Round(68 * Scale), Math.Round(size.Width - (140 * Scale)), Math.Round(size.Height - (46 * Scale)));
        ColourBarLeft = Math.Round(size.Width - (74 * Scale));
        ColourBarWidth = Math.Round(14 * Scale);
        From = heatmap.From;
        To = heatmap.To > heatmap.From ? heatmap.To : heatmap.From.AddMinutes(1);
        (PriceLow, PriceHigh) = VisiblePrices(heatmap);
    }

    public double Scale { get; }

    public PlotArea Plot { get; }

    public int PlotLeft => (int)Plot.Left;

    public int PlotTop => (int)Plot.Top;

    public int PlotWidth => (int)Plot.Width;

    public int PlotHeight => (int)Plot.Height;

    public double ColourBarLeft { get; }

    public double ColourBarWidth { get; }

    public double ColourBarTop => Plot.Top + (24 * Scale);

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public double PriceLow { get; }

    public double PriceHigh { get; }

    public double X(DateTimeOffset time) => Plot.Left + ((time - From) / (To - From) * Plot.Width);

    public DateTimeOffset TimeAt(double x) => From + ((To - From) * ((x - Plot.Left) / Plot.Width));

    public double Y(double price) => Plot.Bottom - ((price - PriceLow) / (PriceHigh - PriceLow) * Plot.Height);

    public double PriceAt(double y) => PriceLow + ((Plot.Bottom - y) / Plot.Height * (PriceHigh - PriceLow));

    /// <summary>The traded range plus a margin wide enough to show the nearer leverage levels.</summary>
    private static (double Low, double High) VisiblePrices(HeatmapSnapshot heatmap)
    {
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        foreach (var column in heatmap.Columns)
        {
            if (double.IsFinite(column.Low) && double.IsFinite(column.High))
            {
                low = Math.Min(low, column.Low);
                high = Math.Max(high, column.High);
            }
        }

        if (!(high >= low) || heatmap.Rows == 0)
        {
            return (heatmap.PriceLow, Math.Max(heatmap.PriceHigh, heatmap.PriceLow + 1));
        }

        // Not clamped to the grid: price outside it must stay visible; cells there are drawn as "no data".
        var pad = Math.Max((high - low) * PadOfTradedRange, (high + low) / 2 * MinPadOfPrice);
        return (low - pad, high + pad);
    }
}
