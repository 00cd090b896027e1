namespace LiqBot.Exchanges.Replay;

/// <summary>
/// What a recording holds: per venue the live events (not the warm-start history; 0 means the venue delivered
/// nothing live), when the first came (null if none) and when it ended, and whether a cancel stopped it early.
/// </summary>
internal sealed record RecordedSpan(Dictionary<Venue, long> Live, DateTimeOffset? LiveFrom, DateTimeOffset Ended, bool Stopped)
{
    /// <summary>How long it recorded live.</summary>
    public TimeSpan LiveFor => LiveFrom is { } from ? Ended - from : TimeSpan.Zero;
}
