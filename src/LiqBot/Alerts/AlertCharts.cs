using LiqBot.Chat;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Market;
using LiqBot.Rendering;

namespace LiqBot.Alerts;

/// <summary>
/// The image an alert carries: proximity and sweep alerts the map of the book the rules watch, zoomed to
/// about ±5 % of price with the alert's zone highlighted; a cascade the heatmap of the last 12 hours.
/// </summary>
internal sealed class AlertCharts(MarketRegistry markets, ChartService charts)
{
    public const double ZoomPct = 5;

    public ChatImage? Render(Alert alert)
    {
        if (markets.Find(alert.Symbol) is not { } market)
        {
            return null;
        }

        if (alert.Kind == AlertKinds.Cascade)
        {
            var (_, heatmap) = market.Read(TimeWindow.H12, withHeatmap: true);
            return heatmap is null ? null : charts.Heatmap(heatmap);
        }

        var (book, _) = market.Read(TimeWindow.H24, withHeatmap: false, market.Venues[0]);
        return book.IsEmpty ? null : charts.Map(book, ZoneFinder.Find(book), new MapOverlay([], ZoomPct, alert.Zone));
    }
}
