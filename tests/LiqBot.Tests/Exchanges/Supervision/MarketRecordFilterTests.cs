using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Tests.Chat.Telegram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Exchanges.Supervision;

public sealed class MarketRecordFilterTests
{
    [Fact]
    public void SkippedRecords_AreCountedByKind_WithOneWarningPerKindPerMinute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var logs = new TestLogSink();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var filter = new MarketRecordFilter(clock, loggers.CreateLogger<MarketRecordFilter>());
        var minute = 0;
        BarClosed Next(double high, double low) => new("BTCUSDT", new Bar(clock.GetUtcNow().AddMinutes(minute++), TimeSpan.FromMinutes(1), 100, high, low, 100, 1e9));

        Assert.True(filter.Admit(Next(101, 99)));
        for (var i = 0; i < 50; i++)
        {
            Assert.False(filter.Admit(Next(90, 110)));
            Assert.False(filter.Admit(new PriceTicked("BTCUSDT", clock.GetUtcNow().AddHours(1), double.NaN)));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(filter.Admit(Next(101, 99)));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(filter.Admit(Next(90, 110)));

        Assert.Equal(51, filter.Skipped(SkippedRecordKind.BarRange));
        Assert.Equal(50, filter.Skipped(SkippedRecordKind.BadPrice));
        var warnings = logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains("Skipped 1 market record(s) as BarRange", warnings[0], StringComparison.Ordinal);
        Assert.Contains("Skipped 1 market record(s) as BadPrice", warnings[1], StringComparison.Ordinal);
        Assert.Contains("Skipped 50 market record(s) as BarRange", warnings[2], StringComparison.Ordinal);
    }
}
