using System.Threading.Channels;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;

namespace LiqBot.Tests.Exchanges;

/// <summary>Held live events are released when the gap backfill finishes, not by whatever frame comes next.</summary>
public sealed class SymbolGatesTests
{
    private static readonly DateTimeOffset LiveStart = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReceiveAsync_BackfillFinishesWhileNoFrameComes_ReleasesTheHeldEventsMergedWithTheGap()
    {
        var history = new GatedHistory();
        var gates = new SymbolGates(SymbolGate.For(["BTCUSDT"], TimeSpan.FromSeconds(1)), new FeedCounters(), new HistoryBackfiller(history));
        var events = Channel.CreateUnbounded<MarketEvent>();
        await gates.CatchUpAsync(events.Writer, LiveStart.AddMinutes(-10), LiveStart.AddMinutes(-5), CancellationToken.None);
        Assert.Equal(LiveStart.AddMinutes(-10), ((BarClosed)await events.Reader.ReadAsync()).Bar.OpenTime);
        await gates.StartHoldingAsync(events.Writer, CancellationToken.None);
        var sink = gates.NewSink();
        sink.OnLiveStart(0, LiveStart);
        sink.OnBar(0, Bar(LiveStart));
        await gates.AdvanceAsync(sink.Output, events.Writer, CancellationToken.None);
        Assert.False(events.Reader.TryRead(out _)); // held: the gap [-5 min, live start) is being fetched

        var quiet = new TaskCompletionSource<bool>(); // the socket says nothing more
        using var stop = new CancellationTokenSource();
        var receiving = gates.ReceiveAsync(new ValueTask<bool>(quiet.Task), false, sink.Output, events.Writer, stop.Token).AsTask();
        history.Release();

        var released = new List<DateTimeOffset>();
        while (released.Count < 2)
        {
            released.Add(((BarClosed)await events.Reader.ReadAsync()).Bar.OpenTime);
        }

        Assert.Equal([LiveStart.AddMinutes(-5), LiveStart], released); // the gap's 5-minute bar, then the held live bar
        Assert.False(receiving.IsCompleted);
        quiet.SetResult(true);
        Assert.True(await receiving);
    }

    [Fact]
    public void Offer_AfterHeldEventsWereReleased_AnEventOlderThanThemByTheWindowPassesAtOnce()
    {
        var gate = new SymbolGate("BTCUSDT", TimeSpan.FromSeconds(1));
        var output = new List<MarketEvent>();
        gate.StartHolding(output, new FeedCounters());
        gate.Offer(new PriceTicked("BTCUSDT", LiveStart.AddSeconds(185), 60_000), output, new FeedCounters());
        gate.Complete([], output, new FeedCounters());
        Assert.Single(output);

        // A bar whose REST reading came late: nothing older than the trade already seen is still to come.
        gate.Offer(new BarClosed("BTCUSDT", Bar(LiveStart)), output, new FeedCounters());

        Assert.Equal(2, output.Count);
    }

    private static Bar Bar(DateTimeOffset open) => new(open, TimeSpan.FromMinutes(1), 60_000, 60_010, 59_990, 60_000, 4e9, Vwap: 60_000);

    /// <summary>REST history that answers the catch-up at once and every later request only when released.</summary>
    private sealed class GatedHistory : IVenueHistory
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public void Release() => _released.SetResult();

        public async Task<List<KlineRow>> GetKlinesAsync(string symbol, TimeSpan step, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _requests) > 1)
            {
                await _released.Task.WaitAsync(cancellationToken);
            }

            var rows = new List<KlineRow>();
            for (var t = start; t <= end; t += step)
            {
                rows.Add(new KlineRow(t, 60_000, 60_010, 59_990, 60_000, 1, 60_000));
            }

            return rows;
        }

        public Task<List<OpenInterestPoint>> GetOpenInterestAsync(string symbol, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            Task.FromResult(new List<OpenInterestPoint> { new(start, 4e9) });

        public double OpenInterestUsd(double reading, in KlineRow kline) => reading;
    }
}
