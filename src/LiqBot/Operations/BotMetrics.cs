namespace LiqBot.Operations;

/// <summary>Counters the workers bump and /metrics reads; thread-safe, no allocation per update.</summary>
internal sealed class BotMetrics
{
    private long _marketEvents;
    private long _lastEventTicks;
    private long _alertsQueued;
    private long _messagesSent;
    private long _messagesRetried;
    private long _messagesFailed;
    private long _rateLimited;

    public long MarketEvents => Interlocked.Read(ref _marketEvents);

    /// <summary>Market time of the newest event (bar close, trade, liquidation); null before any.</summary>
    public DateTimeOffset? LastEventTime => Interlocked.Read(ref _lastEventTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public long AlertsQueued => Interlocked.Read(ref _alertsQueued);

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    public long MessagesRetried => Interlocked.Read(ref _messagesRetried);

    public long MessagesFailed => Interlocked.Read(ref _messagesFailed);

    /// <summary>429 answers from chat APIs (reported by senders as retries with a rate-limit reason).</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public void MarketEvent(DateTimeOffset time)
    {
        Interlocked.Increment(ref _marketEvents);
        var ticks = time.UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _lastEventTicks)) < ticks && Interlocked.CompareExchange(ref _lastEventTicks, ticks, seen) != seen)
        {
        }
    }

    public void AlertQueued() => Interlocked.Increment(ref _alertsQueued);

    public void MessageSent() => Interlocked.Increment(ref _messagesSent);

    public void MessageRetried(bool rateLimited)
    {
        Interlocked.Increment(ref _messagesRetried);
        if (rateLimited)
        {
            Interlocked.Increment(ref _rateLimited);
        }
    }

    public void MessageFailed() => Interlocked.Increment(ref _messagesFailed);
}
