using LiqBot.Engine.Model;

namespace LiqBot.Engine.Formatting;

/// <summary>Outages in words, grouped by venue: "Binance down 12:04-12:09 UTC, 12:30-12:31 UTC; OKX down since 12:20 UTC".</summary>
public static class OutageText
{
    private const int Listed = 4;

    /// <summary>
    /// Each venue's spans after <paramref name="venuePrefix"/> of its name, venues in the order of their first
    /// outage, at most a few spans in all (then "+N more"); dates too when <paramref name="withDate"/>.
    /// </summary>
    public static string List(IEnumerable<FeedOutage> outages, Func<string, string> venuePrefix, bool withDate = false)
    {
        ArgumentNullException.ThrowIfNull(venuePrefix);
        var all = outages.OrderBy(o => o.From).ToList();
        var parts = all.Take(Listed)
            .GroupBy(o => o.Venue, StringComparer.Ordinal)
            .Select(g => venuePrefix(g.Key) + string.Join(", ", g.Select(o => o.Span(withDate))));
        var more = all.Count > Listed ? $" (+{all.Count - Listed} more)" : "";
        return string.Join("; ", parts) + more;
    }
}
