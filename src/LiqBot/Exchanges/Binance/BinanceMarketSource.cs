using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// The live Binance USDⓈ-M source: warm start from /fapi/v1/klines and /futures/data/openInterestHist
/// (5-minute, last month only), then one stream connection for all symbols, reconnected with backoff
/// when it fails and before Binance's 24-hour limit; gaps are backfilled from REST without duplicates.
/// </summary>
public sealed class BinanceMarketSource : IMarketSource, IOnDemandSymbols
{
    private readonly LiveFeed _feed;
    private readonly SymbolGates _gates;
    private readonly BinanceRestClient _rest;
    private readonly TimeSpan _warmStart;

    internal BinanceMarketSource(IEnumerable<string> symbols, BinanceOptions options, BinanceRestClient rest, TimeProvider time, ILogger<BinanceMarketSource> logger, Random? random = null)
    {
        var gates = SymbolGate.For(symbols, options.ReorderWindow);
        var counters = new FeedCounters(time);
        _rest = rest;
        _warmStart = options.WarmStart;
        _gates = new SymbolGates(gates, counters, new HistoryBackfiller(rest), options.ReorderWindow, time);
        var session = new BinanceStreamSession(options, rest, _gates, time);
        _feed = new LiveFeed("Binance", session, options.ReconnectBaseDelay, options.ReconnectMaxDelay, options.EventChannelCapacity, time, logger, random, counters);
    }

    public FeedStatus Status => _feed.Status;

    public FeedCounters Counters => _feed.Counters;

    public bool IsFinite => false;

    public IAsyncEnumerable<MarketEvent> StreamAsync(CancellationToken cancellationToken) => _feed.StreamAsync(cancellationToken);

    public TimeSpan WarmStart => _warmStart;

    public TimeSpan? LastWarmUp => _gates.LastWarmUp;

    public Task<IReadOnlySet<string>> ListPerpetualsAsync(CancellationToken cancellationToken) => _rest.ListPerpetualsAsync(cancellationToken);

    public Task<DateTimeOffset?> TrackAsync(string symbol) => _gates.Changes.Add(symbol.ToUpperInvariant());

    public void Untrack(string symbol) => _gates.Changes.Drop(symbol.ToUpperInvariant());
}
