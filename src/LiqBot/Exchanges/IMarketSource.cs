using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// A source of market events for one or more symbols (live Bybit, or a replayed recording).
/// Events come in time order per symbol; <see cref="Status"/> says whether data is flowing, so replies
/// can say "market data unavailable since ...". <see cref="StreamAsync"/> may be called again after
/// a stream ended or failed: each call is a fresh stream (a live source reconnects and backfills).
/// </summary>
public interface IMarketSource
{
    FeedStatus Status { get; }

    /// <summary>Frames received, skipped and reconnects, where the source reads frames; null otherwise.</summary>
    FeedCounters? Counters { get; }

    /// <summary>True for a replay: it ends, and a failure ends it rather than starting it over.</summary>
    bool IsFinite { get; }

    IAsyncEnumerable<MarketEvent> StreamAsync(CancellationToken cancellationToken);
}
