using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// The live Binance USDⓈ-M source: warm start from /fapi/v1/klines and /futures/data/openInterestHist
/// (5-minute, last month only), then one stream connection for all symbols, reconnected with backoff
/// when it fails and before Binance's 24-hour limit; gaps are backfilled from REST without duplicates.
/// </summary>
public sealed class BinanceMarketSource : IMarketSource
{
    private readonly LiveFeed _feed;

    internal BinanceMarketSource(IEnumerable<string> symbols, BinanceOptions options, BinanceRestClient rest, TimeProvider time, ILogger<BinanceMarketSource> logger, Random? random = null)
    {
        var gates = SymbolGate.For(symbols, options.ReorderWindow);
        var counters = new FeedCounters(time);
        var session = new BinanceStreamSession(options, rest, new SymbolGates(gates, counters, new HistoryBackfiller(rest)), time);
        _feed = new LiveFeed("Binance", session, options.ReconnectBaseDelay, options.ReconnectMaxDelay, options.EventChannelCapacity, time, logger, random, counters);
    }

    public FeedStatus Status => _feed.Status;

    public FeedCounters Counters => _feed.Counters;

    public bool IsFinite => false;

    public IAsyncEnumerable<MarketEvent> StreamAsync(CancellationToken cancellationToken) => _feed.StreamAsync(cancellationToken);
}
