using System.Globalization;
using LiqBot.Exchanges;

namespace LiqBot.Market;

/// <summary>What replies say of venues that are not delivering: "OKX stale since 12:04 UTC (pong timeout)".</summary>
internal static class VenueStatusText
{
    /// <summary>Null when every venue delivers. With one venue, its own status line ("market data unavailable since ...").</summary>
    public static string? Describe(VenueFeeds feeds)
    {
        var down = feeds.Down.ToList();
        if (down.Count == 0)
        {
            return null;
        }

        if (feeds.All.Count == 1)
        {
            return down[0].Source.Status.Describe();
        }

        return string.Join("; ", down.Select(f =>
        {
            var status = f.Source.Status;
            var since = status.Since.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
            return $"{f.Venue.Name} stale since {since} UTC" + (status.Reason is { } reason ? $" ({reason})" : string.Empty);
        }));
    }
}
