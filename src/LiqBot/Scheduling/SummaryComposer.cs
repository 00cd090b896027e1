using System.Globalization;
using System.Text;
using LiqBot.Chat;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Scheduling;

/// <summary>
/// A chat's scheduled summary of one symbol: the brief, the map image, and what changed since the
/// chat's last summary (zones that are new, and zones that are gone, swept when price went through).
/// </summary>
internal sealed class SummaryComposer(ChartService charts, ISummaryLog log)
{
    public async Task<(string Text, ChatImage Image, SummaryRecord Record)> ComposeAsync(ChatAddress chat, SymbolMarket market, TimeWindow window, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (book, _) = market.Read(window, withHeatmap: false);
        var zones = ZoneFinder.Find(book);
        var text = new StringBuilder($"Summary: {MarketBrief.Write(book)}");
        if (await log.GetLastAsync(chat, market.Symbol, cancellationToken) is { } last)
        {
            text.Append('\n').Append(Changes(last, zones, book));
        }

        return (text.ToString(), charts.Map(book, zones), new SummaryRecord(chat, market.Symbol, at, book.Price, zones));
    }

    private static string Changes(SummaryRecord last, IReadOnlyList<Zone> now, BookSnapshot book)
    {
        var added = now.Where(z => !last.Zones.Any(o => Overlaps(o, z))).ToList();
        var gone = last.Zones.Where(o => !now.Any(z => Overlaps(o, z))).ToList();
        var since = string.Create(CultureInfo.InvariantCulture, $"Since {last.PostedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC (price {MarketText.Price(last.Price, book.BinSize)}): ");
        if (added.Count == 0 && gone.Count == 0)
        {
            return since + "same zones.";
        }

        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add("new " + string.Join(", ", added.Select(z => Describe(z, book.BinSize))));
        }

        if (gone.Count > 0)
        {
            parts.Add("gone " + string.Join(", ", gone.Select(z => Describe(z, book.BinSize) + (Swept(z, last.Price, book.Price) ? " (swept)" : string.Empty))));
        }

        return since + string.Join("; ", parts) + ".";
    }

    private static bool Overlaps(Zone a, Zone b) => a.Side == b.Side && a.Low < b.High && b.Low < a.High;

    /// <summary>A long zone is swept once price has been below it, a short zone once above (judged on the two closes).</summary>
    private static bool Swept(Zone zone, double before, double now) =>
        zone.Side == PositionSide.Long ? Math.Min(before, now) <= zone.Low : Math.Max(before, now) >= zone.High;

    private static string Describe(Zone zone, double step) =>
        $"{(zone.Side == PositionSide.Long ? "long" : "short")} {MarketText.Price(zone.Low, step)}-{MarketText.Price(zone.High, step)} ({MoneyFormat.Usd(zone.NotionalUsd)})";
}
