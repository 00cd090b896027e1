using System.Threading.Channels;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Tests.Chat.Telegram;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Exchanges.Supervision;

public sealed class SupervisedMarketSourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TestLogSink _logs = new();

    [Fact]
    public async Task LiveSourceThatThrows_IsStartedAgainAfterABackoff_AndDeliversAgain()
    {
        var inner = new ScriptedMarketSource(
            isFinite: false,
            new ScriptedMarketSource.Script([Bar(0)], new IOException("socket reset by peer")),
            new ScriptedMarketSource.Script([Bar(1), Bar(2)]));
        var supervised = Supervise(inner);
        using var stop = new CancellationTokenSource();
        var received = Channel.CreateUnbounded<MarketEvent>();
        var consumer = ConsumeAsync(supervised, received.Writer, stop.Token);

        Assert.Equal(Bar(0), await received.Reader.ReadAsync().AsTask().WaitAsync(Eventually.Floor));
        await Eventually.UntilAsync(() => supervised.Status.State == FeedState.Unavailable, "the failure shows in the status");
        Assert.StartsWith("market data unavailable since 2026-06-01 00:00:00Z (feed failed: socket reset by peer", supervised.Status.Describe(), StringComparison.Ordinal);
        Assert.Equal(1, inner.Streams);

        await AdvanceUntilAsync(() => inner.Streams == 2, "a fresh stream after the backoff");
        Assert.Equal(Bar(1), await received.Reader.ReadAsync().AsTask().WaitAsync(Eventually.Floor));
        Assert.Equal(Bar(2), await received.Reader.ReadAsync().AsTask().WaitAsync(Eventually.Floor));
        Assert.Equal(2, inner.Streams);
        Assert.Equal(1, supervised.Restarts);
        Assert.True(supervised.Status.IsLive);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Market feed failed (socket reset by peer); starting a fresh stream", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => !l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("   at ", StringComparison.Ordinal));

        await stop.CancelAsync();
        await consumer.WaitAsync(Eventually.Floor);
    }

    [Fact]
    public async Task LiveSourceThatKeepsFailing_WaitsLongerEachTime()
    {
        var inner = new ScriptedMarketSource(
            isFinite: false,
            new ScriptedMarketSource.Script([], new IOException("refused")),
            new ScriptedMarketSource.Script([], new IOException("refused")),
            new ScriptedMarketSource.Script([], new IOException("refused")));
        var supervised = Supervise(inner);
        using var stop = new CancellationTokenSource();
        var consumer = ConsumeAsync(supervised, Channel.CreateUnbounded<MarketEvent>().Writer, stop.Token);

        var started = _clock.GetUtcNow();
        await AdvanceUntilAsync(() => inner.Streams == 4, "three failures and a fourth stream");

        // Equal jitter on a doubling delay: 0.5-1 s, then 1-2 s, then 2-4 s.
        var delays = _logs.Lines.Where(l => l.Contains("starting a fresh stream in", StringComparison.Ordinal))
            .Select(l => TimeSpan.Parse(l.Split("starting a fresh stream in ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture).TotalSeconds)
            .ToList();
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0], 0.5, 1);
        Assert.InRange(delays[1], 1, 2);
        Assert.InRange(delays[2], 2, 4);
        Assert.True(_clock.GetUtcNow() - started >= TimeSpan.FromSeconds(delays.Sum()), "each restart waited its delay");
        await stop.CancelAsync();
        await consumer.WaitAsync(Eventually.Floor);
    }

    [Fact]
    public async Task ReplayThatFails_EndsTheStream_AndTheStatusSaysWhy()
    {
        var inner = new ScriptedMarketSource(isFinite: true, new ScriptedMarketSource.Script([Bar(0)], new InvalidDataException("line 3 is not a recorded frame")));
        var supervised = Supervise(inner);
        var received = Channel.CreateUnbounded<MarketEvent>();

        await ConsumeAsync(supervised, received.Writer, CancellationToken.None).WaitAsync(Eventually.Floor);

        Assert.Equal(1, inner.Streams);
        Assert.Equal(FeedState.Ended, supervised.Status.State);
        Assert.Equal("replay failed: line 3 is not a recorded frame", supervised.Status.Reason);
        Assert.Equal(Bar(0), await received.Reader.ReadAsync());
    }

    [Fact]
    public async Task MalformedRecords_NeverReachTheConsumer_AndTheFeedGoesOn()
    {
        var broken = Bar(1) with { Bar = Bar(1).Bar with { High = 90, Low = 110 } };
        var inner = new ScriptedMarketSource(isFinite: true, new ScriptedMarketSource.Script([Bar(0), broken, Bar(2)]));
        var supervised = Supervise(inner);
        var received = Channel.CreateUnbounded<MarketEvent>();

        await ConsumeAsync(supervised, received.Writer, CancellationToken.None).WaitAsync(Eventually.Floor);

        Assert.Equal([Bar(0), Bar(2)], received.Reader.ReadAllAsync().ToBlockingEnumerable());
        Assert.Equal(1, supervised.Filter.Skipped(SkippedRecordKind.BarRange));
    }

    /// <summary>Moves the fake clock in small steps until the condition holds: no race with a timer not yet set.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        await Eventually.UntilAsync(
            () =>
            {
                _clock.Advance(TimeSpan.FromMilliseconds(50));
                return condition();
            },
            what);

    internal static BarClosed Bar(int minute) =>
        new("BTCUSDT", new Bar(Start.AddMinutes(minute), TimeSpan.FromMinutes(1), 100, 101, 99, 100.5, 1_000_000_000));

    private static async Task ConsumeAsync(IMarketSource source, ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        await foreach (var e in source.StreamAsync(cancellationToken))
        {
            await writer.WriteAsync(e, CancellationToken.None);
        }

        writer.Complete();
    }

    private SupervisedMarketSource Supervise(IMarketSource inner)
    {
        var loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        return new SupervisedMarketSource(
            inner,
            new MarketRecordFilter(_clock, loggers.CreateLogger<MarketRecordFilter>()),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromMinutes(1),
            _clock,
            loggers.CreateLogger<SupervisedMarketSource>(),
            new Random(7));
    }
}
