using System.Globalization;
using System.Text;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Zones;

/// <summary>
/// The one-paragraph note a trader would write from the map: the densest zones of each side with
/// their size and distance, the thin area between them, and the skew near price.
/// </summary>
public static class MarketBrief
{
    public static string Write(BookSnapshot book, ZoneOptions? options = null)
    {
        options ??= new ZoneOptions();
        if (book.IsEmpty)
        {
            return $"{book.Symbol}: waiting for market data.";
        }

        var all = ZoneFinder.FindAll(book, options);
        var step = ZoneLadder.StepFor(book, options);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{book.Symbol} {book.Window.Name}, price {MarketText.Price(book.Price, book.BinSize)}. ");
        AppendSide(text, "Longs", all.Where(z => z.Side == PositionSide.Long), step, options, first: true);
        AppendSide(text, "Shorts", all.Where(z => z.Side == PositionSide.Short), step, options, first: false);
        AppendBetween(text, book, all, step);
        AppendSkew(text, book, options);
        return text.ToString().TrimEnd();
    }

    private static void AppendSide(StringBuilder text, string name, IEnumerable<Zone> zones, double step, ZoneOptions options, bool first)
    {
        var largest = zones.Where(z => z.NotionalUsd >= options.MinNotionalUsd).OrderByDescending(z => z.NotionalUsd).Take(2).ToList();
        if (largest.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: no dense zone within {options.MaxDistancePct:0} %. ");
            return;
        }

        var estimate = first ? " est." : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"{name}: densest {Range(largest[0], step)} ({MoneyFormat.Usd(largest[0].NotionalUsd)}{estimate}, {MoneyFormat.SignedPercent(largest[0].DistancePct)})");
        if (largest.Count > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $", then {Range(largest[1], step)} ({MoneyFormat.Usd(largest[1].NotionalUsd)}, {MoneyFormat.SignedPercent(largest[1].DistancePct)})");
        }

        text.Append(". ");
    }

    private static void AppendBetween(StringBuilder text, BookSnapshot book, IReadOnlyList<Zone> all, double step)
    {
        var below = all.Where(z => z.Side == PositionSide.Long).Select(z => z.High).DefaultIfEmpty(double.NaN).Max();
        var above = all.Where(z => z.Side == PositionSide.Short).Select(z => z.Low).DefaultIfEmpty(double.NaN).Min();
        if (double.IsNaN(below) && double.IsNaN(above))
        {
            return;
        }

        var low = double.IsNaN(below) ? book.Price : below;
        var high = double.IsNaN(above) ? book.Price : above;
        if (high - low >= step)
        {
            text.Append(CultureInfo.InvariantCulture, $"Between: {MarketText.Price(low, step)}-{MarketText.Price(high, step)} thin. ");
        }
    }

    private static void AppendSkew(StringBuilder text, BookSnapshot book, ZoneOptions options)
    {
        var reach = book.Price * options.SkewDistancePct / 100.0;
        double longs = 0, shorts = 0;
        for (var i = 0; i < book.BinCount; i++)
        {
            var mid = book.BinMid(i);
            if (mid < book.Price && book.Price - mid <= reach)
            {
                longs += book.Total(PositionSide.Long, i);
            }
            else if (mid > book.Price && mid - book.Price <= reach)
            {
                shorts += book.Total(PositionSide.Short, i);
            }
        }

        var within = $"within {options.SkewDistancePct:0.#} %";
        var skew = (longs, shorts) switch
        {
            (0, 0) => $"Skew: no estimated liquidations {within}.",
            (_, 0) => $"Skew: only longs {within}.",
            (0, _) => $"Skew: only shorts {within}.",
            _ when longs >= shorts => $"Skew: longs {(longs / shorts).ToString("0.0", CultureInfo.InvariantCulture)}x shorts {within}.",
            _ => $"Skew: shorts {(shorts / longs).ToString("0.0", CultureInfo.InvariantCulture)}x longs {within}.",
        };
        text.Append(skew);
    }

    private static string Range(Zone zone, double step) => MarketText.Range(zone.Low, zone.High, step);
}
