using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LiqBot.Engine.Market;
using Microsoft.Extensions.Logging;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// The live Bybit market source: REST warm start (5-minute klines joined with open interest), then one
/// WebSocket for all symbols (allLiquidation, tickers, publicTrade) aggregated into 1-minute bars. On any
/// failure it reports itself unavailable, reconnects with exponential backoff and jitter, backfills the
/// gap from REST and releases bars without duplicates or holes. It never throws to its consumer for
/// exchange trouble: Bybit down at start only shows in <see cref="Status"/> and the logs.
/// </summary>
public sealed partial class BybitMarketSource : IMarketSource
{
    private readonly BybitOptions _options;
    private readonly BybitRestClient _rest;
    private readonly HistoryBackfiller _backfiller;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly List<SymbolGate> _gates;
    private readonly Dictionary<string, double> _maintenanceMargins = [];
    private readonly ConcurrentDictionary<string, TickerState> _tickers = new();
    private volatile FeedStatus _status;
    private bool _validated;
    private int _streaming;

    internal BybitMarketSource(IEnumerable<string> symbols, BybitOptions options, BybitRestClient rest, TimeProvider time, ILogger<BybitMarketSource> logger, Random? random = null)
    {
        _options = options;
        _rest = rest;
        _backfiller = new HistoryBackfiller(rest);
        _time = time;
        _logger = logger;
        _random = random ?? Random.Shared;
        _gates = symbols.Select(s => new SymbolGate(s.Trim().ToUpperInvariant(), options.ReorderWindow)).DistinctBy(g => g.Symbol).ToList();
        if (_gates.Count == 0)
        {
            throw new ArgumentException("At least one symbol is required.", nameof(symbols));
        }

        _status = new FeedStatus(FeedState.Connecting, time.GetUtcNow(), "connecting");
    }

    public FeedStatus Status => _status;

    public FeedCounters Counters { get; } = new();

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

    public async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _streaming, 1) == 1)
        {
            throw new InvalidOperationException("The Bybit source streams to one consumer at a time.");
        }

        var channel = Channel.CreateBounded<MarketEvent>(new BoundedChannelOptions(_options.EventChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // back-pressure onto the socket reader rather than dropping bars
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() => RunAsync(channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run;
            Volatile.Write(ref _streaming, 0);
        }
    }

    private async Task RunAsync(ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                string reason;
                try
                {
                    await SessionAsync(writer, () => attempt = 0, cancellationToken);
                    reason = "stream closed by Bybit";
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    reason = e.Message;
                }

                SetUnavailable(reason);
                Counters.Reconnect();
                var delay = Backoff.Delay(attempt++, _options.ReconnectBaseDelay, _options.ReconnectMaxDelay, _random);
                LogUnavailable(_logger, reason, delay);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task SessionAsync(ChannelWriter<MarketEvent> writer, Action onLive, CancellationToken cancellationToken)
    {
        await ValidateSymbolsAsync(cancellationToken);
        var session = new BybitStreamSession(_options, _time, new SymbolGates(_gates, Counters, _backfiller), (symbol, state) => _tickers[symbol] = state, () =>
        {
            onLive();
            SetLive();
        });
        await session.RunAsync(writer, cancellationToken);
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
            throw new BybitStreamException("no configured symbol is trading on Bybit");
        }

        _validated = true;
    }

    private void SetLive()
    {
        if (!_status.IsLive)
        {
            _status = new FeedStatus(FeedState.Live, _time.GetUtcNow());
            LogLive(_logger, string.Join(",", _gates.Select(g => g.Symbol)));
        }
    }

    private void SetUnavailable(string reason)
    {
        var since = _status.State == FeedState.Live ? _time.GetUtcNow() : _status.Since;
        _status = new FeedStatus(FeedState.Unavailable, since, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bybit market data live for {Symbols}")]
    private static partial void LogLive(ILogger logger, string symbols);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bybit market data unavailable ({Reason}); reconnecting in {Delay}")]
    private static partial void LogUnavailable(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Symbol {Symbol} is not tradable on Bybit linear ({Status}); it is skipped")]
    private static partial void LogBadSymbol(ILogger logger, string symbol, string status);
}
