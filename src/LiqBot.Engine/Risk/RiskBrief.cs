using System.Globalization;
using System.Text;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Market;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Risk;

/// <summary>
/// The assessment as a trader would write it: "Long 20x from 64,000: liquidated at 61,120 (-3.4 % from
/// 63,250; mmr 0.50 %, Bybit lowest tier). On the way: $148M est. of long liquidations, densest
/// 62.1k-62.4k ($52M est.). Nearest shorts above: 67.6k-67.8k ($39.9M est., +6.7 %)."
/// </summary>
public static class RiskBrief
{
    public static string Write(RiskAssessment risk, double priceStep)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var position = risk.Position;
        var isLong = position.Side == PositionSide.Long;
        var sideName = isLong ? "long" : "short";
        var text = new StringBuilder();
        var head = PositionRisk.Describe(position);
        text.Append(char.ToUpperInvariant(head[0])).Append(head.AsSpan(1));
        text.Append(CultureInfo.InvariantCulture, $": liquidated at {MoneyFormat.PriceExact(risk.LiquidationPrice)} ({MoneyFormat.SignedPercent(risk.DistancePct)} from {MoneyFormat.PriceExact(risk.Price)}; {MarginText(risk)}). ");

        var path = risk.Path;
        if (path.NotionalOnPathUsd <= 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"On the way: no estimated {sideName} liquidations. ");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"On the way: {MoneyFormat.Usd(path.NotionalOnPathUsd)} est. of {sideName} liquidations");
            if (path.DensestOnPath is { } densest)
            {
                text.Append(CultureInfo.InvariantCulture, $", densest {Range(densest, priceStep)} ({MoneyFormat.Usd(densest.NotionalUsd)} est.)");
            }

            text.Append(". ");
        }

        var other = isLong ? "shorts above" : "longs below";
        text.Append(path.NearestOpposite is { } nearest
            ? $"Nearest {other}: {Range(nearest, priceStep)} ({MoneyFormat.Usd(nearest.NotionalUsd)} est., {MoneyFormat.SignedPercent(nearest.DistancePct)})."
            : $"No dense {other}.");
        return text.ToString();
    }

    /// <summary>"mmr 0.50 %, Bybit risk limits, lowest tier" / "..., tier up to $2M".</summary>
    public static string MarginText(RiskAssessment risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var rate = (risk.Tier.MaintenanceMarginRate * 100).ToString("0.00##", CultureInfo.InvariantCulture);
        var tier = risk.Position.SizeUsd is null
            ? risk.Schedule.Tiers.Count > 1 ? ", lowest tier" : string.Empty
            : risk.Tier.NotionalCap < double.MaxValue ? $", tier up to {MoneyFormat.Usd(risk.Tier.NotionalCap)}" : string.Empty;
        return $"mmr {rate} %, {risk.Schedule.Source}{tier}";
    }

    private static string Range(Zone zone, double step) => MarketText.Range(zone.Low, zone.High, step);
}
