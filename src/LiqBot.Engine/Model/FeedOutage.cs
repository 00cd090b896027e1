using System.Globalization;

namespace LiqBot.Engine.Model;

/// <summary>
/// A span [From, To) in which a venue's live liquidation stream was down, so its realized liquidations
/// of that span are missing for good (no venue publishes their history). To is null while it lasts.
/// <see cref="IsStart"/> marks the span before the process's first connection: its liquidations are missing
/// too (the process was not running, then connecting), but the venue was not down; From is then
/// <see cref="DateTimeOffset.MinValue"/>, as nothing before it was received.
/// </summary>
public readonly record struct FeedOutage(DateTimeOffset From, DateTimeOffset? To, string Venue, string? Reason = null, bool IsStart = false)
{
    public bool IsOpen => To is null;

    /// <summary>Everything before the first connection after a start, which is <paramref name="to"/> (null while connecting).</summary>
    public static FeedOutage BeforeStart(DateTimeOffset? to, string venue = "") => new(DateTimeOffset.MinValue, to, venue, "not running before the start", IsStart: true);

    /// <summary>The end, or <paramref name="now"/> while the outage lasts.</summary>
    public DateTimeOffset EndOr(DateTimeOffset now) => To ?? (now > From ? now : From);

    /// <summary>True when some of [from, to] falls in the outage (an open one reaches to <paramref name="to"/>).</summary>
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => From <= to && EndOr(to) > from;

    /// <summary>
    /// "12:04-12:09 UTC", seconds when it began and ended within one minute, "since 12:04 UTC" while open;
    /// with <paramref name="withDate"/> the start's date too ("06-01 12:04-12:09 UTC").
    /// </summary>
    public string Span(bool withDate = false)
    {
        var date = withDate ? "MM-dd " : "";
        if (To is not { } to)
        {
            return $"since {Clock(From, date + "HH:mm")} UTC";
        }

        var sameMinute = to - From < TimeSpan.FromMinutes(1) && From.Minute == to.Minute && From.Hour == to.Hour;
        var clock = sameMinute ? "HH:mm:ss" : "HH:mm";
        var endDate = withDate && to.UtcDateTime.Date != From.UtcDateTime.Date ? "MM-dd " : "";
        return $"{Clock(From, date + clock)}-{Clock(to, endDate + clock)} UTC";
    }

    private static string Clock(DateTimeOffset time, string format) => time.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
}
