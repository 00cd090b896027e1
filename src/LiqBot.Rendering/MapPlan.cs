using LiqBot.Engine.Model;

namespace LiqBot.Rendering;

/// <summary>Everything a liquidation map needs before drawing: its bars, their scale and the geometry.</summary>
internal sealed record MapPlan(MapBars Bars, ScaleClip BarScale, double LongCumulative, double ShortCumulative, MapGeometry Geometry)
{
    /// <summary>With few bars the 99th percentile is the outlier itself; past 50x the median, smaller bars vanish anyway.</summary>
    private const double MedianMultipleCap = 50;

    public static MapPlan Create(BookSnapshot book, RenderSize size, double? halfSpanPct = null)
    {
        var plotWidth = new MapGeometry(size, 0, 1, 0, 0).Plot.Width;
        var bars = MapBars.Build(book, plotWidth, halfSpanPct);
        var barScale = ScaleClip.FromValues([.. bars.LongTotals, .. bars.ShortTotals], MedianMultipleCap);

        var longCumulative = 0.0;
        for (var bar = bars.PriceBar; bar >= 0; bar--)
        {
            longCumulative += bars.LongTotals[bar];
        }

        var shortCumulative = 0.0;
        for (var bar = bars.PriceBar; bar < bars.Count; bar++)
        {
            shortCumulative += bars.ShortTotals[bar];
        }

        var cumulativeTop = Math.Max(longCumulative, shortCumulative) * 1.04;
        var geometry = new MapGeometry(size, bars.Low, bars.High, barScale.Top, cumulativeTop);
        return new MapPlan(bars, barScale, longCumulative, shortCumulative, geometry);
    }
}
