using System.Collections.Concurrent;
using System.Threading.Channels;
using LiqBot.Engine.Market;
using Microsoft.Extensions.Logging;
using LiqBot.Resilience;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// The live Bybit market source: REST warm start (5-minute klines joined with open interest), then one
/// WebSocket for all symbols (allLiquidation, tickers, publicTrade) aggregated into 1-minute bars. Its
/// sessions run on a <see cref="LiveFeed"/>: on any failure it reports itself unavailable, reconnects
/// with exponential backoff and jitter, backfills the gap from REST and releases bars without duplicates
/// or holes. Bybit down at start only shows in <see cref="Status"/> and the logs.
/// </summary>
public sealed partial class BybitMarketSource : IMarketSource, IVenueSession, IOnDemandSymbols
{
    private readonly BybitOptions _options;
    private readonly BybitRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<SymbolGate> _gates;
    private readonly SymbolGates _symbolGates;
    private readonly LiveFeed _feed;
    private readonly Dictionary<string, double> _maintenanceMargins = [];
    private readonly ConcurrentDictionary<string, TickerState> _tickers = new();
    private bool _validated;

    internal BybitMarketSource(IEnumerable<string> symbols, BybitOptions options, BybitRestClient rest, TimeProvider time, ILogger<BybitMarketSource> logger, Random? random = null)
    {
        _options = options;
        _rest = rest;
        _time = time;
        _logger = logger;
        _gates = SymbolGate.For(symbols, options.ReorderWindow);
        var counters = new FeedCounters(time);
        _symbolGates = new SymbolGates(_gates, counters, new HistoryBackfiller(rest), options.ReorderWindow, time);
        _feed = new LiveFeed("Bybit", this, options.ReconnectBaseDelay, options.ReconnectMaxDelay, options.EventChannelCapacity, time, logger, random, counters);
    }

    public FeedStatus Status => _feed.Status;

    public FeedCounters Counters => _feed.Counters;

    public bool IsFinite => false;

    /// <summary>Lowest-tier maintenance margin rates read from /v5/market/risk-limit, by symbol.</summary>
    public IReadOnlyDictionary<string, double> MaintenanceMarginRates
    {
        get
        {
            lock (_maintenanceMargins)
            {
                return new Dictionary<string, double>(_maintenanceMargins);
            }
        }
    }

    /// <summary>The merged ticker (last and mark price, OI in USD, funding) of a symbol, null before its first snapshot.</summary>
    public TickerState? LatestTicker(string symbol) => _tickers.GetValueOrDefault(symbol.ToUpperInvariant());

    public IAsyncEnumerable<MarketEvent> StreamAsync(CancellationToken cancellationToken) => _feed.StreamAsync(cancellationToken);

    public TimeSpan WarmStart => _options.WarmStart;

    public TimeSpan? LastWarmUp => _symbolGates.LastWarmUp;

    public Task<IReadOnlySet<string>> ListPerpetualsAsync(CancellationToken cancellationToken) => _rest.ListPerpetualsAsync(cancellationToken);

    public Task<DateTimeOffset?> TrackAsync(string symbol) => _symbolGates.Changes.Add(symbol.ToUpperInvariant());

    public void Untrack(string symbol) => _symbolGates.Changes.Drop(symbol.ToUpperInvariant());

    async Task<SessionEnd> IVenueSession.RunAsync(ChannelWriter<MarketEvent> writer, Action onLive, CancellationToken cancellationToken)
    {
        await ValidateSymbolsAsync(cancellationToken);
        var session = new BybitStreamSession(_options, _time, _symbolGates, (symbol, state) => _tickers[symbol] = state);
        return await session.RunAsync(writer, onLive, cancellationToken);
    }

    private async Task ValidateSymbolsAsync(CancellationToken cancellationToken)
    {
        if (_validated)
        {
            return;
        }

        foreach (var gate in _gates.ToList())
        {
            var instrument = await _rest.GetInstrumentAsync(gate.Symbol, cancellationToken);
            if (instrument is not { IsTrading: true })
            {
                LogBadSymbol(_logger, gate.Symbol, instrument?.Status ?? "not listed");
                _gates.Remove(gate);
                continue;
            }

            if (await _rest.GetLowestMaintenanceMarginAsync(gate.Symbol, cancellationToken) is { } mmr)
            {
                lock (_maintenanceMargins)
                {
                    _maintenanceMargins[gate.Symbol] = mmr;
                }
            }
        }

        if (_gates.Count == 0)
        {
            throw new MarketStreamException("no configured symbol is trading on Bybit");
        }

        _validated = true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Symbol {Symbol} is not tradable on Bybit linear ({Status}); it is skipped")]
    private static partial void LogBadSymbol(ILogger logger, string symbol, string status);
}
