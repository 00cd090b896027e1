using System.Threading.Channels;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Exchanges.Outages;

/// <summary>
/// A live feed's outages on a fake clock: before the first connection a start span (not an outage), from the last
/// sign of life of a lost connection or the clean end of a closed one until the next is live.
/// </summary>
public sealed class LiveFeedOutageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LostConnection_IsAnOutageFromItsLastFrameUntilTheNextIsLive()
    {
        await RunAsync(async (time, counters, session) =>
        {
            Assert.True(counters.Outages.Current!.Value.IsStart, "waiting for the first connection is a start span");
            await session.DoAsync(time, TimeSpan.FromSeconds(3), Step.Live);
            await session.DoAsync(time, TimeSpan.FromSeconds(7), Step.Frame); // 12:00:10, the last frame
            Assert.False(counters.Outages.IsDown);
            await session.DoAsync(time, TimeSpan.FromSeconds(15), Step.Fail); // given up at 12:00:25
            await Eventually.UntilAsync(() => counters.Outages.IsDown, "the lost connection is an outage");
            Assert.Equal(T0.AddSeconds(10), counters.Outages.Current!.Value.From);
            await NextConnectionAsync(time, session, 2);
            time.SetUtcNow(T0.AddSeconds(40));
            await session.DoAsync(time, TimeSpan.Zero, Step.Live);

            var outages = counters.Outages.Snapshot("Test");
            Assert.Equal(
                [(DateTimeOffset.MinValue, (DateTimeOffset?)T0.AddSeconds(3), true), (T0.AddSeconds(10), T0.AddSeconds(40), false)],
                outages.Select(o => (o.From, o.To, o.IsStart)));
            Assert.Equal("boom", outages[1].Reason);
            Assert.Equal(1, counters.Outages.Count);
            Assert.Equal(30, counters.Outages.SecondsDown(time.GetUtcNow()), 6);
        });
    }

    [Fact]
    public async Task FailedFirstConnection_EndsTheStartSpan_AndIsAnOutageUntilLive()
    {
        await RunAsync(async (time, counters, session) =>
        {
            await session.DoAsync(time, TimeSpan.FromSeconds(4), Step.Fail); // 12:00:04: the venue refused
            await NextConnectionAsync(time, session, 2);
            time.SetUtcNow(T0.AddSeconds(30));
            await session.DoAsync(time, TimeSpan.Zero, Step.Live);

            Assert.Equal(
                [(DateTimeOffset.MinValue, (DateTimeOffset?)T0.AddSeconds(4), true), (T0.AddSeconds(4), T0.AddSeconds(30), false)],
                counters.Outages.Snapshot("Test").Select(o => (o.From, o.To, o.IsStart)));
            Assert.Equal(1, counters.Outages.Count);
            Assert.Equal(26, counters.Outages.SecondsDown(time.GetUtcNow()), 6);
        });
    }

    [Fact]
    public async Task ClosedByTheVenue_IsAnOutageFromTheClose_NotFromTheLastFrame()
    {
        await RunAsync(async (time, counters, session) =>
        {
            await session.DoAsync(time, TimeSpan.FromSeconds(1), Step.Live);
            await session.DoAsync(time, TimeSpan.FromSeconds(4), Step.Frame); // 12:00:05, the last frame of a quiet market
            await session.DoAsync(time, TimeSpan.FromSeconds(20), Step.Close); // 12:00:25: the venue closes cleanly
            await NextConnectionAsync(time, session, 2);
            time.SetUtcNow(T0.AddSeconds(27));
            await session.DoAsync(time, TimeSpan.Zero, Step.Live);

            var closed = counters.Outages.Snapshot("Test")[^1];
            Assert.Equal((T0.AddSeconds(25), (DateTimeOffset?)T0.AddSeconds(27), "stream closed by Test"), (closed.From, closed.To, closed.Reason));
            Assert.Equal(2, counters.Outages.SecondsDown(time.GetUtcNow()), 6);
        });
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

    [Fact]
    public void RestartWithStoredHistory_ReplacesTheStartSpan_WithTheTimeNotRunning()
    {
        var outages = new FeedOutages();
        Assert.True(outages.Starting());

        var lastStored = T0.AddMinutes(-10);
        outages.DownSinceStored(lastStored, "LiqBot not running");
        outages.Up(T0.AddSeconds(3));

        var only = Assert.Single(outages.Snapshot("Bybit"));
        Assert.Equal((lastStored, (DateTimeOffset?)T0.AddSeconds(3), false, "LiqBot not running"), (only.From, only.To, only.IsStart, only.Reason));
    }

    /// <summary>Runs a feed over a <see cref="StepSession"/> on a fake clock at <see cref="T0"/> while <paramref name="test"/> drives it.</summary>
    private static async Task RunAsync(Func<FakeTimeProvider, FeedCounters, StepSession, Task> test)
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
            await test(time, counters, session);
        }
        finally
        {
            await stop.CancelAsync();
            await consumer;
        }
    }

    /// <summary>The backoff (at most 1 s) runs on the fake clock: moves it until connection <paramref name="run"/> starts.</summary>
    private static Task NextConnectionAsync(FakeTimeProvider time, StepSession session, int run) =>
        Eventually.UntilAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                return session.Runs == run;
            },
            "the feed started its next connection");

    private enum Step
    {
        Live,
        Frame,
        Fail,
        Close,
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
                        case Step.Close:
                            return SessionEnd.ClosedByVenue;
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
