using LiqBot.Engine.Model;

namespace LiqBot.Engine.Formatting;

/// <summary>
/// Outages in words, grouped by venue: "Binance down 12:04-12:09 UTC, 12:30-12:31 UTC; OKX down since 12:20 UTC";
/// the spans before a start first and as one, as the venues were not down: "before the start at 12:04:10 UTC".
/// </summary>
public static class OutageText
{
    private const int Listed = 4;

    // A reconnect can be live for a few seconds before the next drop: two spans printed side by side would
    // read as one outage written twice ("12:04:10-12:04:11 UTC, 12:04:11-12:04:15 UTC"), so spans of a venue
    // less than this apart are told as one (claiming a few received seconds as missing; the sums stay floors).
    private static readonly TimeSpan Near = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Each venue's spans after <paramref name="venuePrefix"/> of its name, venues in the order of their first
    /// outage, at most a few spans in all (then "+N more"); dates too when <paramref name="withDate"/>. The
    /// spans before a start come first, told once after <paramref name="startPrefix"/> with the last venue's
    /// first connection (until it, some venue's liquidations are missing), "since the start" while one is still connecting.
    /// </summary>
    public static string List(IEnumerable<FeedOutage> outages, Func<string, string> venuePrefix, bool withDate = false, string startPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(venuePrefix);
        var given = outages.ToList();
        var starts = given.Where(o => o.IsStart).ToList();
        var all = JoinNear(given.Where(o => !o.IsStart));
        var parts = all.Take(Listed)
            .GroupBy(o => o.Venue, StringComparer.Ordinal)
            .Select(g => venuePrefix(g.Key) + string.Join(", ", g.Select(o => o.Span(withDate))));
        if (starts.Count > 0)
        {
            parts = parts.Prepend(startPrefix + Start(starts, withDate));
        }

        var more = all.Count > Listed ? $" (+{all.Count - Listed} more)" : "";
        return string.Join("; ", parts) + more;
    }

    /// <summary>"before the start at 12:04:10 UTC" (the last venue's first connection); "since the start, OKX still connecting".</summary>
    private static string Start(List<FeedOutage> starts, bool withDate)
    {
        var connecting = starts.Where(o => o.IsOpen).Select(o => o.Venue).Distinct(StringComparer.Ordinal).ToList();
        if (connecting.Count > 0)
        {
            return $"since the start, {string.Join("+", connecting)} still connecting";
        }

        var end = starts.Max(o => o.To!.Value).UtcDateTime;
        return $"before the start at {end.ToString(withDate ? "MM-dd HH:mm:ss" : "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC";
    }

    private static List<FeedOutage> JoinNear(IEnumerable<FeedOutage> outages)
    {
        var joined = new List<FeedOutage>();
        foreach (var outage in outages.OrderBy(o => o.From))
        {
            var previous = joined.FindLastIndex(o => string.Equals(o.Venue, outage.Venue, StringComparison.Ordinal));
            if (previous >= 0 && joined[previous].To is { } end && outage.From - end < Near)
            {
                joined[previous] = joined[previous] with { To = outage.To is { } to && to < end ? end : outage.To };
            }
            else
            {
                joined.Add(outage);
            }
        }

        return joined;
    }
}
