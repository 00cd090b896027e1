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
        if (supervised)
        {
            Supervised = new SupervisedMarketSource(
                source,
                new MarketRecordFilter(TimeProvider.System, NullLogger<MarketRecordFilter>.Instance),
                TimeSpan.FromMilliseconds(50),
                TimeSpan.FromMilliseconds(200),
                TimeProvider.System,
                NullLogger<SupervisedMarketSource>.Instance);
        }
    }

    public IMarketSource Source { get; }

    public SupervisedMarketSource? Supervised { get; }

    public ConcurrentQueue<MarketEvent> Events { get; } = new();

    public static long NextMinuteMs => (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000) + 60_000;

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

    public static Task WaitUntilAsync(Func<bool> condition, string what = "the source reached the state the test waits for") =>
        TestSupport.Eventually.UntilAsync(condition, what);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _consumer;
        await _dispose();
        _stop.Dispose();
    }
}
