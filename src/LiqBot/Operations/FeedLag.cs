namespace LiqBot.Operations;

/// <summary>Age of the newest market event, by the wall clock; null before any event.</summary>
internal sealed class FeedLag(BotMetrics metrics, TimeProvider time)
{
    public TimeSpan? Now => time.GetUtcNow() - metrics.LastEventTime;
}
