using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// What every replay shares as a market source: it is finite, reads no frames unless it says so, and its
/// status goes from "replay not started" to live (as of the replayed time) to ended.
/// </summary>
internal abstract class ReplaySource(TimeProvider time) : IMarketSource
{
    private volatile FeedStatus _status = new(FeedState.Connecting, time.GetUtcNow(), "replay not started");

    public FeedStatus Status => _status;

    /// <summary>The clock replays are paced on.</summary>
    protected TimeProvider Time { get; } = time;

    public virtual FeedCounters? Counters => null;

    public bool IsFinite => true;

    public abstract IAsyncEnumerable<MarketEvent> StreamAsync(CancellationToken cancellationToken);

    /// <summary>Replaying, as of <paramref name="at"/> in the replayed time.</summary>
    protected void LiveAt(DateTimeOffset at) => _status = new FeedStatus(FeedState.Live, at);

    /// <summary>The replay ended, at <paramref name="at"/> or the last replayed time.</summary>
    protected void Ended(string reason, DateTimeOffset? at = null) => _status = new FeedStatus(FeedState.Ended, at ?? _status.Since, reason);
}
