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

    public static string Sweep(string symbol, Zone zone, double sweptUsd, double realizedUsd, DateTimeOffset time, double step, string missing = "") =>
        Invariant($"{symbol} sweep: price traded through the {SideName(zone.Side)} zone {Range(zone, step)}: {MoneyFormat.Usd(sweptUsd)} est. swept, {MoneyFormat.Usd(realizedUsd)} {(zone.Side == PositionSide.Long ? "longs" : "shorts")} liquidated (reported) in the bar.{missing} {Clock(time)}");

    public static string Cascade(string symbol, double longUsd, double shortUsd, TimeSpan window, double thresholdUsd, DateTimeOffset time, string seenBy = "") =>
        Invariant($"{symbol} cascade: {MoneyFormat.Usd(longUsd + shortUsd)} liquidated in {Duration(window)} (longs {MoneyFormat.Usd(longUsd)}, shorts {MoneyFormat.Usd(shortUsd)}), at or above the {MoneyFormat.Usd(thresholdUsd)} threshold.{seenBy} {Clock(time)}");

    /// <summary>" Seen: Bybit $12.0M complete, Binance $5.0M sampled (...), OKX $3.0M partial; the real total is higher." for several books, else "".</summary>
    public static string SeenBy(IReadOnlyList<AlertBook> books, IReadOnlyList<double> usd)
    {
        if (books.Count < 2)
        {
            return "";
        }

        var parts = books.Select((b, i) => Invariant($"{b.Name} {MoneyFormat.Usd(usd[i])} {b.Coverage}"));
        var undercount = books.Any(b => !b.SeesEveryLiquidation) ? "; the real total is higher" : "";
        return $" Seen: {string.Join(", ", parts)}{undercount}.";
    }

    /// <summary>
    /// " Binance's liquidations missing 12:04-12:09 UTC; the sum is a floor." when a book's stream was down
    /// during [from, to] (its realized liquidations of that span are lost), else "".
    /// </summary>
    public static string Missing(IReadOnlyList<AlertBook> books, DateTimeOffset from, DateTimeOffset to, string consequence)
    {
        var outages = books.SelectMany(b => b.Book.Outages.Within(from, to).Select(o => o.Venue.Length > 0 ? o : o with { Venue = b.Name })).ToList();
        return outages.Count == 0 ? "" : $" {OutageText.List(outages, venue => $"{venue}'s liquidations missing ", startPrefix: "Liquidations missing ")}; {consequence}.";
    }

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0}h"
        : $"{span.TotalMinutes:0}m";

    private static string SideName(PositionSide side) => side == PositionSide.Long ? "long" : "short";

    private static string Range(Zone zone, double step) => $"{MarketText.Price(zone.Low, step)}-{MarketText.Price(zone.High, step)}";

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
