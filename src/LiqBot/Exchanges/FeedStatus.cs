using System.Globalization;

namespace LiqBot.Exchanges;

/// <summary>Whether a market source is delivering data, since when, and why not.</summary>
public sealed record FeedStatus(FeedState State, DateTimeOffset Since, string? Reason = null)
{
    public bool IsLive => State == FeedState.Live;

    /// <summary>One line for chat replies and logs, e.g. "market data unavailable since 2026-06-01 12:00:00Z (pong timeout)".</summary>
    public string Describe()
    {
        var since = Since.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
        return State switch
        {
            FeedState.Live => $"market data live since {since}",
            FeedState.Connecting => $"market data unavailable since {since} (connecting)",
            FeedState.Ended => $"market data ended at {since}",
            _ => $"market data unavailable since {since}" + (Reason is null ? string.Empty : $" ({Reason})"),
        };
    }
}
