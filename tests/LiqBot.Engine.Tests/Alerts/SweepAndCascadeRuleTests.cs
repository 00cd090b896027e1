using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Tests.Model;

namespace LiqBot.Engine.Tests.Alerts;

public sealed class SweepAndCascadeRuleTests
{
    [Fact]
    public void OnBarClosed_BarTradesThroughLongZone_RaisesSweepWithSweptAndRealized()
    {
        var (_, rules) = AlertFixture.Create(new AlertSubscriber(7, AlertKinds.Sweep, AlertFixture.Thresholds));
        rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(2.5), PositionSide.Long, 90_450, 3_000_000));

        var alerts = rules.OnBarClosed(Bars.At(2, 90_800, 5_100_000_000, low: 90_400, high: 100_000));

        var sweep = Assert.Single(alerts);
        Assert.Equal(AlertKinds.Sweep, sweep.Kind);
        Assert.Equal(PositionSide.Long, sweep.Side);
        Assert.Equal([7L], sweep.SubscriberIds);
        Assert.Contains("through the long zone 90.5k-90.6k: $100M est. swept, $3.0M longs liquidated (reported) in the bar.", sweep.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnBarClosed_BarOnlyTouchesZone_RaisesNoSweep()
    {
        var (_, rules) = AlertFixture.Create(new AlertSubscriber(7, AlertKinds.Sweep, AlertFixture.Thresholds));

        Assert.Empty(rules.OnBarClosed(Bars.At(2, 91_000, 5_100_000_000, low: 90_550, high: 100_000)));
    }

    [Fact]
    public void OnLiquidation_BurstOverThreshold_FiresOnceThenReArmsAfterCalmAndCooldown()
    {
        var (_, rules) = AlertFixture.Create(new AlertSubscriber(9, AlertKinds.Cascade, AlertFixture.Thresholds));

        Assert.Empty(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(10), PositionSide.Long, 95_000, 10_000_000)));
        var cascade = Assert.Single(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(15), PositionSide.Short, 95_000, 7_000_000)));
        Assert.Equal("BTCUSDT cascade: $17.0M liquidated in 30m (longs $10.0M, shorts $7.0M), at or above the $16.0M threshold. 2026-06-01 00:15 UTC", cascade.Text);

        Assert.Empty(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(20), PositionSide.Long, 95_000, 5_000_000)));
        Assert.Empty(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(56), PositionSide.Long, 95_000, 100_000))); // calm, within cooldown
        Assert.Empty(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(80), PositionSide.Long, 95_000, 100_000))); // calm, cooldown over: re-armed

        Assert.Single(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(85), PositionSide.Long, 95_000, 17_000_000)));
    }

    [Fact]
    public void OnLiquidation_CascadeWindowSpansAnOutage_SaysWhoseLiquidationsAreMissingAndThatTheSumIsAFloor()
    {
        var (book, rules) = AlertFixture.Create(new AlertSubscriber(9, AlertKinds.Cascade, AlertFixture.Thresholds));
        book.Outages.Record(new FeedOutage(AlertFixture.Minute(4), AlertFixture.Minute(9), "Binance", "pong timeout"));
        book.Outages.Record(new FeedOutage(AlertFixture.Minute(12), null, "Binance", "connecting"));

        rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(10), PositionSide.Long, 95_000, 10_000_000));
        var cascade = Assert.Single(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(15), PositionSide.Short, 95_000, 7_000_000)));

        Assert.Equal("BTCUSDT cascade: $17.0M liquidated in 30m (longs $10.0M, shorts $7.0M), at or above the $16.0M threshold. Binance's liquidations missing 00:04-00:09 UTC, since 00:12 UTC; the sum is a floor. 2026-06-01 00:15 UTC", cascade.Text);
    }

    [Fact]
    public void OnLiquidation_OutageBeforeTheCascadeWindow_IsNotMentioned()
    {
        var (book, rules) = AlertFixture.Create(new AlertSubscriber(9, AlertKinds.Cascade, AlertFixture.Thresholds));
        book.Outages.Record(new FeedOutage(AlertFixture.Minute(4), AlertFixture.Minute(9), "Binance"));

        var cascade = Assert.Single(rules.OnLiquidation(new RealizedLiquidation(AlertFixture.Minute(50), PositionSide.Short, 95_000, 17_000_000)));

        Assert.DoesNotContain("missing", cascade.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnBarClosed_SweepInABarDuringAnOutage_SaysTheReportedFigureIsAFloor()
    {
        var (book, rules) = AlertFixture.Create(new AlertSubscriber(7, AlertKinds.Sweep, AlertFixture.Thresholds));
        book.Outages.Record(new FeedOutage(AlertFixture.Minute(2.25), AlertFixture.Minute(2.75), "Bybit"));

        var sweep = Assert.Single(rules.OnBarClosed(Bars.At(2, 90_800, 5_100_000_000, low: 90_400, high: 100_000)));

        Assert.Contains("$0 longs liquidated (reported) in the bar. Bybit's liquidations missing 00:02:15-00:02:45 UTC; the reported figure is a floor. 2026-06-01 00:03 UTC", sweep.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_SameMarketData_GiveTheSameDedupeKeyOnEveryInstance()
    {
        var subscriber = new AlertSubscriber(1, AlertKinds.All, AlertFixture.Thresholds);
        var (_, first) = AlertFixture.Create(subscriber);
        var (_, second) = AlertFixture.Create(subscriber);

        var a = first.OnPrice(AlertFixture.Minute(5), 91_000).Concat(first.OnBarClosed(Bars.At(3, 90_800, 5_100_000_000, low: 90_400, high: 100_000)));
        var b = second.OnPrice(AlertFixture.Minute(5), 91_000).Concat(second.OnBarClosed(Bars.At(3, 90_800, 5_100_000_000, low: 90_400, high: 100_000)));

        Assert.Equal(a.Select(x => x.DedupeKey), b.Select(x => x.DedupeKey));
        Assert.Equal(2, a.Count());
    }
}
