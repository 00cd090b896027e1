using LiqBot.Engine.Formatting;
using LiqBot.Engine.Risk;
using LiqBot.Rendering;

namespace LiqBot.Chat;

/// <summary>What a /risk image marks: the entry and the liquidation level, in a range wide enough for both and a margin.</summary>
internal static class RiskOverlay
{
    private const double MinHalfSpanPct = 2;
    private const double Margin = 1.25;

    public static MapOverlay For(RiskAssessment risk)
    {
        var farthest = Math.Max(Math.Abs(risk.LiquidationPrice - risk.Price), Math.Abs(risk.Position.Entry - risk.Price));
        var halfSpanPct = Math.Max(MinHalfSpanPct, farthest / risk.Price * 100.0 * Margin);
        return new MapOverlay(
            [
                new MapMarker(risk.Position.Entry, "entry " + MoneyFormat.PriceExact(risk.Position.Entry)),
                new MapMarker(risk.LiquidationPrice, "liq. " + MoneyFormat.PriceExact(risk.LiquidationPrice), Danger: true),
            ],
            halfSpanPct,
            risk.Path.DensestOnPath);
    }
}
