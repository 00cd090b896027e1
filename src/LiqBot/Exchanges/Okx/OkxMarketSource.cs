using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Okx;

/// <summary>
/// The live OKX perpetual-swap source: warm start from history-candles and the rubik open-interest
/// history (about 5 days at 5 minutes), then a business and a public socket; reconnected with backoff
/// when it fails, gaps backfilled from REST without duplicates.
/// </summary>
public sealed class OkxMarketSource : IMarketSource, IOnDemandSymbols
{
    private readonly LiveFeed _feed;
    private readonly SymbolGates _gates;
    private readonly OkxRestClient _rest;
    private readonly TimeSpan _warmStart;

    internal OkxMarketSource(IEnumerable<string> symbols, OkxOptions options, OkxRestClient rest, TimeProvider time, ILogger<OkxMarketSource> logger, Random? random = null)
    {
        var gates = SymbolGate.For(symbols, options.ReorderWindow);
        var counters = new FeedCounters(time);
        _rest = rest;
        _warmStart = options.WarmStart;
        _gates = new SymbolGates(gates, counters, new HistoryBackfiller(rest), options.ReorderWindow, time);
        var session = new OkxStreamSession(options, rest, _gates, time, logger);
        _feed = new LiveFeed("OKX", session, options.ReconnectBaseDelay, options.ReconnectMaxDelay, options.EventChannelCapacity, time, logger, random, counters);
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
