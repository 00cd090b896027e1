namespace LiqBot.Rendering;

/// <summary>Where things go on a liquidation map: price to x, notional to y on the bar and cumulative axes.</summary>
internal sealed class MapGeometry
{
    public MapGeometry(RenderSize size, double low, double high, double barScaleTop, double cumulativeTop)
    {
        Scale = Theme.Scale(size);
        Plot = new PlotArea(78 * Scale, 68 * Scale, size.Width - (78 * Scale), size.Height - (58 * Scale));
        LabelRows = Plot.Height > 400 ? 3 : 2;
        BarTop = Plot.Top + Math.Max(Plot.Height * 0.2, ((LabelRows * 28) + 12) * Scale);
        Low = low;
        High = high;
        BarScaleTop = barScaleTop;
        CumulativeTop = cumulativeTop;
    }

    public double Scale { get; }

    public PlotArea Plot { get; }

    /// <summary>Rows reserved at the top of the plot for zone labels.</summary>
    public int LabelRows { get; }

    /// <summary>The y a bar reaching the top of the scale ends at; above it sit the zone labels.</summary>
    public double BarTop { get; }

    public double Baseline => Plot.Bottom;

    public double Low { get; }

    public double High { get; }

    public double BarScaleTop { get; }

    public double CumulativeTop { get; }

    public double X(double price) => Plot.Left + ((price - Low) / (High - Low) * Plot.Width);

    /// <summary>The y of a bar value, clipped at the scale top.</summary>
    public double BarY(double notional) =>
        BarScaleTop <= 0 ? Baseline : Baseline - (Math.Min(notional, BarScaleTop) / BarScaleTop * (Baseline - BarTop));

    public double CumulativeY(double notional) =>
        CumulativeTop <= 0 ? Baseline : Baseline - (notional / CumulativeTop * (Baseline - BarTop));
}
