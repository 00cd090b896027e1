using LiqBot.Engine.Market;
using LiqBot.Workers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Workers;

/// <summary>A poison stream of refused events, counted by a fake logger on a fake clock: a few lines a minute, not one per event.</summary>
public sealed class EventFailureLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PoisonStream_LogsTheFirstOfEachKind_ThenOneCountAMinute_StackTracesOnlyAtDebug()
    {
        var time = new FakeTimeProvider(T0);
        var logger = new FakeLogger();
        var failures = new EventFailureLog(logger, time);
        var tick = new PriceTicked("BTCUSDT", T0, double.NaN);

        for (var i = 0; i < 1000; i++)
        {
            failures.Failed("Bybit", tick, new ArgumentOutOfRangeException("price", $"price {i} is not a number"));
        }

        failures.Failed("OKX", tick, new ArgumentOutOfRangeException("price", "price is not a number"));
        Assert.Equal(2, Errors(logger).Count);
        Assert.Contains("Market event skipped: Bybit PriceTicked BTCUSDT at 2026-12-01 12:00:00Z failed (price 0 is not a number", Errors(logger)[0].Message, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(59));
        failures.Flush();
        Assert.Equal(2, Errors(logger).Count); // the minute has not ended

        time.Advance(TimeSpan.FromSeconds(1));
        failures.Flush(); // an event handled well after the minute: the count is told
        var more = Errors(logger)[2].Message;
        Assert.StartsWith("Market events skipped: 999 more Bybit PriceTicked failures (ArgumentOutOfRangeException) in the last minute, the last: price 999 is not a number", more, StringComparison.Ordinal);
        Assert.Equal(3, Errors(logger).Count); // OKX had no more: nothing to tell

        time.Advance(TimeSpan.FromMinutes(1));
        failures.Flush(); // a quiet minute ends the kind's counting
        failures.Failed("Bybit", tick, new ArgumentOutOfRangeException("price", "again"));
        Assert.Equal(4, Errors(logger).Count);
        Assert.StartsWith("Market event skipped: Bybit PriceTicked", Errors(logger)[3].Message, StringComparison.Ordinal);

        var records = logger.Collector.GetSnapshot();
        Assert.All(Errors(logger), e => Assert.Null(e.Exception));
        Assert.Equal(1002, records.Count(r => r.Level == LogLevel.Debug && r.Exception is not null));
    }

    [Fact]
    public void FlushAll_TellsTheCountsLeft_WhenTheLoopEnds()
    {
        var logger = new FakeLogger();
        var failures = new EventFailureLog(logger, new FakeTimeProvider(T0));
        var tick = new PriceTicked("ETHUSDT", T0, -1);
        failures.Failed("Binance", tick, new InvalidOperationException("bad"));
        failures.Failed("Binance", tick, new InvalidOperationException("bad"));

        failures.FlushAll();

        Assert.Equal(2, Errors(logger).Count);
        Assert.StartsWith("Market events skipped: 1 more Binance PriceTicked failures", Errors(logger)[1].Message, StringComparison.Ordinal);
    }

    private static List<FakeLogRecord> Errors(FakeLogger logger) => logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
}
