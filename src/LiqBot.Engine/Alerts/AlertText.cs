using System.Globalization;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Market;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>The one-line messages of the three alerts.</summary>
internal static class AlertText
{
    public static string Proximity(string symbol, Zone zone, double price, double distancePct, DateTimeOffset time, double step) =>
        Invariant($"{symbol} proximity: price {MarketText.Price(price, step)} is {Math.Abs(distancePct):0.00} % from the {SideName(zone.Side)} zone {Range(zone, step)} ({MoneyFormat.Usd(zone.NotionalUsd)} est.). {Clock(time)}");

    public static string Sweep(string symbol, Zone zone, double sweptUsd, double realizedUsd, DateTimeOffset time, double step) =>
        Invariant($"{symbol} sweep: price traded through the {SideName(zone.Side)} zone {Range(zone, step)}: {MoneyFormat.Usd(sweptUsd)} est. swept, {MoneyFormat.Usd(realizedUsd)} {(zone.Side == PositionSide.Long ? "longs" : "shorts")} liquidated (reported) in the bar. {Clock(time)}");

    public static string Cascade(string symbol, double longUsd, double shortUsd, TimeSpan window, double thresholdUsd, DateTimeOffset time) =>
        Invariant($"{symbol} cascade: {MoneyFormat.Usd(longUsd + shortUsd)} liquidated in {Duration(window)} (longs {MoneyFormat.Usd(longUsd)}, shorts {MoneyFormat.Usd(shortUsd)}), at or above the {MoneyFormat.Usd(thresholdUsd)} threshold. {Clock(time)}");

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0}h"
        : $"{span.TotalMinutes:0}m";

    private static string SideName(PositionSide side) => side == PositionSide.Long ? "long" : "short";

    private static string Range(Zone zone, double step) => $"{MarketText.Price(zone.Low, step)}-{MarketText.Price(zone.High, step)}";

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
