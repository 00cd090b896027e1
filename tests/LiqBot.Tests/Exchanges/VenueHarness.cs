using System.Collections.Concurrent;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Exchanges;

/// <summary>A live venue source, consumed as the host does (supervised and filtered) or bare, and the events it emitted so far.</summary>
internal sealed class VenueHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ValueTask> _dispose;
    private Task _consumer = Task.CompletedTask;

    public VenueHarness(IMarketSource source, bool supervised, Func<ValueTask> dispose)
    {
        Source = source;
        _dispose = dispose;
        Supervised = supervised ? Supervise(source) : null;
    }

    /// <summary>A harness that owns the source's REST client, HTTP client and fake, consuming at once unless told not to.</summary>
    public static VenueHarness Run(IMarketSource source, bool supervised, bool consume, IDisposable rest, HttpClient http, IAsyncDisposable fake)
    {
        var harness = new VenueHarness(source, supervised, async () =>
        {
            rest.Dispose();
            http.Dispose();
            await fake.DisposeAsync();
        });
        if (consume)
        {
            harness.Start();
        }

        return harness;
    }

    public IMarketSource Source { get; }

    public SupervisedMarketSource? Supervised { get; }

    public ConcurrentQueue<MarketEvent> Events { get; } = new();

    /// <summary>The source as the host runs it: records filtered, restarted after 50 ms doubling to 200 ms.</summary>
    public static SupervisedMarketSource Supervise(IMarketSource source) => new(
        source,
        new MarketRecordFilter(TimeProvider.System, NullLogger<MarketRecordFilter>.Instance),
        TimeSpan.FromMilliseconds(50),
        TimeSpan.FromMilliseconds(200),
        TimeProvider.System,
        NullLogger<SupervisedMarketSource>.Instance);

    /// <summary>
    /// Delays sized for tests on loopback. The keep-alive stays generous (a loaded machine must not drop a
    /// connection the test is pushing into); keep-alive tests shorten it with <see cref="QuickKeepAlive"/>.
    /// </summary>
    public static T TestSized<T>(T options)
        where T : VenueOptions
    {
        options.WarmStart = TimeSpan.FromHours(2);
        options.IdleTimeout = TimeSpan.FromSeconds(20);
        options.ReplyTimeout = TimeSpan.FromSeconds(5);
        options.ReconnectBaseDelay = TimeSpan.FromMilliseconds(50);
        options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(200);
        options.RestRetryDelay = TimeSpan.FromMilliseconds(10);
        options.BanPause = TimeSpan.FromMilliseconds(200);
        options.RestMaxRetries = 4;
        return options;
    }

    /// <summary>A silence or a missing pong shows within about 1.5 s.</summary>
    public static void QuickKeepAlive(VenueOptions options)
    {
        options.IdleTimeout = TimeSpan.FromSeconds(1);
        options.ReplyTimeout = TimeSpan.FromMilliseconds(500);
    }

    public static long NextMinuteMs => (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 60_000 * 60_000) + 60_000;

    public List<Bar> Bars(string symbol = "BTCUSDT") => Events.OfType<BarClosed>().Where(b => b.Symbol == symbol).Select(b => b.Bar).ToList();

    public Bar? BarAt(long openMs, string symbol = "BTCUSDT") => Bars(symbol).Cast<Bar?>().FirstOrDefault(b => b!.Value.OpenTime.ToUnixTimeMilliseconds() == openMs);

    public void Start()
    {
        IMarketSource source = Supervised is null ? Source : Supervised;
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

    /// <summary>
    /// Live tests push into the next wall-clock minute, so a bar can take up to a minute of real time to
    /// close: the hang guard is three minutes, whatever the machine's speed.
    /// </summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what = "the source reached the state the test waits for") =>
        TestSupport.Eventually.UntilAsync(condition, what, TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _consumer;
        await _dispose();
        _stop.Dispose();
    }
}
