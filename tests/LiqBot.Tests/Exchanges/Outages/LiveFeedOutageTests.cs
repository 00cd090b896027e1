using System.Threading.Channels;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Exchanges.Outages;

/// <summary>A live feed's outages on a fake clock: from the start until live, and from the last frame of a lost connection until the next is live.</summary>
public sealed class LiveFeedOutageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LostConnection_IsAnOutageFromItsLastFrameUntilTheNextIsLive()
    {
        var time = new FakeTimeProvider(T0);
        var counters = new FeedCounters(time);
        var session = new StepSession(counters);
        var feed = new LiveFeed("Test", session, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 16, time, NullLogger.Instance, new Random(1), counters);
        using var stop = new CancellationTokenSource();
        var consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in feed.StreamAsync(stop.Token))
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        try
        {
            await Eventually.UntilAsync(() => session.Runs == 1, "the feed started its first connection");
            Assert.True(counters.Outages.IsDown, "waiting for the first connection is an outage");
            await session.DoAsync(time, TimeSpan.FromSeconds(3), Step.Live);
            await session.DoAsync(time, TimeSpan.FromSeconds(7), Step.Frame); // 12:00:10, the last frame
            Assert.False(counters.Outages.IsDown);
            await session.DoAsync(time, TimeSpan.FromSeconds(15), Step.Fail); // given up at 12:00:25
            await Eventually.UntilAsync(() => counters.Outages.IsDown, "the lost connection is an outage");
            Assert.Equal(T0.AddSeconds(10), counters.Outages.Current!.Value.From);

            // The backoff (at most 1 s) runs on the fake clock: move it until the next connection starts.
            await Eventually.UntilAsync(
                () =>
                {
                    time.Advance(TimeSpan.FromMilliseconds(250));
                    return session.Runs == 2;
                },
                "the feed started its next connection");
            time.SetUtcNow(T0.AddSeconds(40));
            await session.DoAsync(time, TimeSpan.Zero, Step.Live);

            var outages = counters.Outages.Snapshot("Test");
            Assert.Equal([(T0, (DateTimeOffset?)T0.AddSeconds(3), "connecting"), (T0.AddSeconds(10), T0.AddSeconds(40), "boom")], outages.Select(o => (o.From, o.To, o.Reason)));
            Assert.Equal(2, counters.Outages.Count);
            Assert.Equal(33, counters.Outages.SecondsDown(time.GetUtcNow()), 6);
        }
        finally
        {
            await stop.CancelAsync();
            await consumer;
        }
    }

    [Fact]
    public void Outages_GoingOnCountsUpToNow_AndUpOrDownTwiceChangesNothing()
    {
        var outages = new FeedOutages();
        outages.Down(T0, "connecting");
        outages.Down(T0.AddSeconds(5), "again");
        Assert.Equal(30, outages.SecondsDown(T0.AddSeconds(30)), 6);

        outages.Up(T0.AddSeconds(40));
        outages.Up(T0.AddSeconds(50));
        outages.Down(T0.AddSeconds(30), "pong timeout"); // a last frame from before the last recovery: starts at the recovery

        Assert.Equal(2, outages.Count);
        Assert.Equal([(T0, (DateTimeOffset?)T0.AddSeconds(40)), (T0.AddSeconds(40), null)], outages.Snapshot("OKX").Select(o => (o.From, o.To)));
        Assert.All(outages.Snapshot("OKX"), o => Assert.Equal("OKX", o.Venue));
    }

    private enum Step
    {
        Live,
        Frame,
        Fail,
    }

    /// <summary>A session the test drives step by step: go live, receive a frame, fail.</summary>
    private sealed class StepSession(FeedCounters counters) : IVenueSession
    {
        private readonly Channel<Step> _steps = Channel.CreateUnbounded<Step>();
        private int _done;
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        /// <summary>Moves the clock by <paramref name="after"/>, then has the session take the step and waits until it did.</summary>
        public async Task DoAsync(FakeTimeProvider time, TimeSpan after, Step step)
        {
            time.Advance(after);
            var done = Volatile.Read(ref _done);
            await _steps.Writer.WriteAsync(step);
            await Eventually.UntilAsync(() => Volatile.Read(ref _done) > done, $"the session took the step {step}");
        }

        public async Task<SessionEnd> RunAsync(ChannelWriter<MarketEvent> writer, Action onLive, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            while (true)
            {
                var step = await _steps.Reader.ReadAsync(cancellationToken);
                try
                {
                    switch (step)
                    {
                        case Step.Live:
                            counters.Frame();
                            onLive();
                            break;
                        case Step.Frame:
                            counters.Frame();
                            break;
                        default:
                            throw new MarketStreamException("boom");
                    }
                }
                finally
                {
                    Interlocked.Increment(ref _done);
                }
            }
        }
    }
}
