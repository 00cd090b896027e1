using System.Diagnostics.Metrics;

namespace LiqBot.Operations;

/// <summary>
/// The bot's own counts on the "liqbot" meter (instruments carry their Prometheus names, so /metrics
/// shows them as documented), and the market time of the newest event for the feed lag and health.
/// </summary>
/// <remarks>
/// The totals are kept here and published as observable counters rather than counted with
/// <see cref="Counter{T}"/>: prometheus-net's meter adapter drops a series that has not moved for a day
/// (at most) and brings it back from zero, so a quiet counter such as failed sends would lose its total.
/// An observed series is refreshed at every scrape and never expires.
/// </remarks>
internal sealed class BotMetrics
{
    public const string MeterName = "liqbot";

    private long _marketEvents;
    private long _lastEventTicks;
    private long _alertsQueued;
    private long _messagesSent;
    private long _messagesRetried;
    private long _messagesFailed;
    private long _rateLimited;

    public BotMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        Meter.CreateObservableCounter("market_events_total", () => Interlocked.Read(ref _marketEvents), description: "Market events applied to the books");
        Meter.CreateObservableCounter("alerts_queued_total", () => Interlocked.Read(ref _alertsQueued), description: "Alert messages put in the outbox (one per chat)");
        Meter.CreateObservableCounter("messages_sent_total", () => Interlocked.Read(ref _messagesSent), description: "Outbox messages the chats accepted");
        Meter.CreateObservableCounter("messages_retried_total", () => Interlocked.Read(ref _messagesRetried), description: "Sends to retry later (429, 5xx, timeouts)");
        Meter.CreateObservableCounter("messages_failed_total", () => Interlocked.Read(ref _messagesFailed), description: "Sends given up for good");
        Meter.CreateObservableCounter("chat_rate_limited_total", () => Interlocked.Read(ref _rateLimited), description: "429 answers from chat APIs");
    }

    /// <summary>The meter the rest of the operations instruments join.</summary>
    public Meter Meter { get; }

    /// <summary>Market time of the newest event (bar close, trade, liquidation); null before any.</summary>
    public DateTimeOffset? LastEventTime => Interlocked.Read(ref _lastEventTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

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

    /// <summary>A send to try again; a rate-limit reason (429) also counts as rate limited.</summary>
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
