using System.Collections.Concurrent;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Bybit;
using LiqBot.Fakes.Bybit;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Exchanges.Bybit;

/// <summary>A fake Bybit, a live source pointed at it, and the events it emitted so far.</summary>
internal sealed class SourceHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();
    private Task _consumer = Task.CompletedTask;

    private SourceHarness(FakeBybitServer fake, BybitOptions options)
    {
        Fake = fake;
        Options = options;
        Rest = new BybitRestClient(_http, options, TimeProvider.System, NullLogger<BybitRestClient>.Instance);
    }

    public FakeBybitServer Fake { get; }

    public BybitOptions Options { get; }

    public BybitRestClient Rest { get; }

    public BybitMarketSource? Source { get; private set; }

    public ConcurrentQueue<MarketEvent> Events { get; } = new();

    public List<Bar> Bars(string symbol = "BTCUSDT") => Events.OfType<BarClosed>().Where(b => b.Symbol == symbol).Select(b => b.Bar).ToList();

    public static async Task<SourceHarness> CreateAsync(Action<BybitOptions>? configure = null)
    {
        var fake = await FakeBybitServer.StartAsync();
        var options = new BybitOptions
        {
            RestUrl = fake.RestUrl.ToString(),
            StreamUrl = fake.StreamUrl.ToString(),
            WarmStart = TimeSpan.FromHours(2),
            PingInterval = TimeSpan.FromSeconds(2),
            PongTimeout = TimeSpan.FromMilliseconds(500),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            RestRetryDelay = TimeSpan.FromMilliseconds(10),
            BanPause = TimeSpan.FromMilliseconds(100),
            RestMaxRetries = 4,
        };
        configure?.Invoke(options);
        return new SourceHarness(fake, options);
    }

    /// <summary>The source as the host runs it: supervised, its records filtered before anything consumes them.</summary>
    public SupervisedMarketSource? Supervised { get; private set; }

    public void StartSupervised(params string[] symbols)
    {
        Source = new BybitMarketSource(symbols.Length == 0 ? ["BTCUSDT"] : symbols, Options, Rest, TimeProvider.System, NullLogger<BybitMarketSource>.Instance);
        Supervised = new SupervisedMarketSource(
            Source,
            new MarketRecordFilter(TimeProvider.System, NullLogger<MarketRecordFilter>.Instance),
            TimeSpan.FromMilliseconds(50),
            TimeSpan.FromMilliseconds(200),
            TimeProvider.System,
            NullLogger<SupervisedMarketSource>.Instance);
        Consume(Supervised);
    }

    public void Start(params string[] symbols) => StartOn(TimeProvider.System, symbols);

    /// <summary>The source alone, its keep-alive and counters on <paramref name="time"/>.</summary>
    public void StartOn(TimeProvider time, params string[] symbols)
    {
        Source = new BybitMarketSource(symbols.Length == 0 ? ["BTCUSDT"] : symbols, Options, Rest, time, NullLogger<BybitMarketSource>.Instance);
        Consume(Source);
    }

    private void Consume(IMarketSource source)
    {
        _consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in source.StreamAsync(_stop.Token))
                {
                    Events.Enqueue(e);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public static Task WaitUntilAsync(Func<bool> condition) => Eventually.UntilAsync(condition, "the source reached the state the test waits for");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _consumer;
        Rest.Dispose();
        _http.Dispose();
        await Fake.DisposeAsync();
        _stop.Dispose();
    }
}
