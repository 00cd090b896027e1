using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// A source of market events for one or more symbols (live Bybit, or a replayed recording).
/// Events come in time order per symbol; <see cref="Status"/> says whether data is flowing, so replies
/// can say "market data unavailable since ...".
/// </summary>
public interface IMarketSource
{
    FeedStatus Status { get; }

    IAsyncEnumerable<MarketEvent> StreamAsync(CancellationToken cancellationToken);
}
