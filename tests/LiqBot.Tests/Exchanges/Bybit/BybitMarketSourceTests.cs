using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Fakes.Bybit;

namespace LiqBot.Tests.Exchanges.Bybit;

public sealed class BybitMarketSourceTests
{
    private const string Btc = "BTCUSDT";

    [Fact]
    public async Task Start_WarmStart_EmitsFiveMinuteBarsOldestFirstWithOpenInterestInUsd()
    {
        await using var h = await SourceHarness.CreateAsync(o => o.WarmStart = TimeSpan.FromDays(1));
        h.Start(Btc);

        // The warm start is written before the socket opens, but the consumer may still be draining it.
        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive && h.Bars().Count >= 288);
        var bars = h.Bars();

        Assert.Equal(288, bars.Count);
        Assert.All(bars, b => Assert.Equal(TimeSpan.FromMinutes(5), b.Duration));
        Assert.All(bars.Zip(bars.Skip(1)), p => Assert.Equal(p.First.CloseTime, p.Second.OpenTime));
        var last = bars[^1];
        var expectedOi = FakeBybitHistory.OpenInterest(last.CloseTime.ToUnixTimeMilliseconds()) * last.Close;
        Assert.Equal(expectedOi, last.OpenInterestUsd, 6);
        Assert.Equal(0.005, h.Source!.MaintenanceMarginRates[Btc]);
        // 288 readings at 200 a page: the cursor was followed, verbatim (a re-encoded cursor gets retCode 10001).
        Assert.True(h.Fake.RequestCount("/v5/market/open-interest") >= 2);
        Assert.Contains(h.Fake.Requests, r => r.Contains("cursor=lastid%3D", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_TradesAndTicker_BecomeOneMinuteBarsContiguousWithTheBackfill_AndSurviveADrop()
    {
        await using var h = await SourceHarness.CreateAsync();
        h.Start(Btc);
        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive);
        var m0 = Minute(TimeProvider.System.GetUtcNow()) + 60_000;

        await h.Fake.PushAsync(FakeBybitFrames.TickerSnapshot(Btc, m0 + 1_000, 60_000, 1_000, 60_000_000));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 2_000, true, 1, 60_000));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 61_000, true, 2, 60_010));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 62_000, false, 1, 59_990));
        await h.Fake.PushAsync(FakeBybitFrames.TickerDelta(Btc, m0 + 90_000, ("openInterestValue", "61000000")));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 121_000, true, 1, 60_020));
        await SourceHarness.WaitUntilAsync(() => h.Bars().Any(b => b.OpenTime.ToUnixTimeMilliseconds() == m0 + 60_000));

        var live = h.Bars().Single(b => b.OpenTime.ToUnixTimeMilliseconds() == m0 + 60_000);
        Assert.Equal((60_010d, 60_010d, 59_990d, 59_990d), (live.Open, live.High, live.Low, live.Close));
        Assert.Equal(((2 * 60_010) + 59_990) / 3.0, live.Vwap!.Value, 6);
        Assert.Equal(2 * 60_010d, live.TakerBuyUsd);
        Assert.Equal(59_990d, live.TakerSellUsd);
        Assert.Equal(61_000_000d, live.OpenInterestUsd);
        var ticker = h.Source!.LatestTicker(Btc)!;
        Assert.Equal((60_000d, 61_000_000d, -0.005), (ticker.LastPrice!.Value, ticker.OpenInterestUsd!.Value, ticker.FundingRate!.Value));

        h.Fake.DropConnections();
        await SourceHarness.WaitUntilAsync(() => h.Fake.Subscriptions.Count >= 2 && h.Source!.Status.IsLive);
        Assert.Equal(1, h.Source!.Counters.Reconnects);
        Assert.Equal(h.Fake.Subscriptions.First(), h.Fake.Subscriptions.Last());

        var m5 = m0 + 300_000;
        await h.Fake.PushAsync(FakeBybitFrames.TickerSnapshot(Btc, m5 + 1_000, 60_000, 1_000, 62_000_000));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m5 + 2_000, true, 1, 60_000));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m5 + 61_000, true, 1, 60_100));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m5 + 121_000, true, 1, 60_200));
        await SourceHarness.WaitUntilAsync(() => h.Bars().Any(b => b.OpenTime.ToUnixTimeMilliseconds() == m5 + 60_000));

        var bars = h.Bars();
        Assert.All(bars.Zip(bars.Skip(1)), p => Assert.Equal(p.First.CloseTime, p.Second.OpenTime));
        Assert.Equal(bars.Count, bars.Select(b => b.OpenTime).Distinct().Count());
        // Minutes m0+2..m0+5 were missed while the socket was down: they come from REST 1-minute klines.
        var gap = bars.Where(b => b.OpenTime.ToUnixTimeMilliseconds() >= m0 + 120_000 && b.OpenTime.ToUnixTimeMilliseconds() < m5 + 60_000).ToList();
        Assert.Equal(4, gap.Count);
        Assert.All(gap, b => Assert.Equal(TimeSpan.FromMinutes(1), b.Duration));
        Assert.All(h.Events.Zip(h.Events.Skip(1)), p => Assert.True(p.First.Time <= p.Second.Time, $"{p.First} then {p.Second}"));
    }

    [Fact]
    public async Task Live_SilentServer_PongTimeoutReconnectsAndResubscribes()
    {
        await using var h = await SourceHarness.CreateAsync(o =>
        {
            o.PingInterval = TimeSpan.FromMilliseconds(300);
            o.PongTimeout = TimeSpan.FromMilliseconds(150);
        });
        h.Start(Btc);
        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive);

        h.Fake.Silent = true;
        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.State == FeedState.Unavailable);
        Assert.Contains("pong timeout", h.Source!.Status.Describe(), StringComparison.Ordinal);
        Assert.StartsWith("market data unavailable since ", h.Source.Status.Describe(), StringComparison.Ordinal);

        h.Fake.Silent = false;
        await SourceHarness.WaitUntilAsync(() => h.Source.Status.IsLive && h.Fake.Connections >= 2);
        Assert.True(h.Source.Counters.Reconnects >= 1);
        Assert.True(h.Fake.Subscriptions.Count >= 2);
    }

    [Fact]
    public async Task Subscribe_Rejected_IsNotLiveAndRetries()
    {
        await using var h = await SourceHarness.CreateAsync();
        h.Fake.RejectSubscribe = true;
        h.Start(Btc);

        await SourceHarness.WaitUntilAsync(() => h.Fake.Subscriptions.Count >= 2);
        Assert.False(h.Source!.Status.IsLive);
        Assert.Contains("subscribe rejected", h.Source.Status.Reason, StringComparison.Ordinal);

        h.Fake.RejectSubscribe = false;
        await SourceHarness.WaitUntilAsync(() => h.Source.Status.IsLive);
        Assert.Equal("allLiquidation.BTCUSDT,tickers.BTCUSDT,publicTrade.BTCUSDT", h.Fake.Subscriptions.Last());
    }

    [Fact]
    public async Task Live_MalformedAndUnknownFrames_AreCountedAndSkipped()
    {
        await using var h = await SourceHarness.CreateAsync();
        h.Start(Btc);
        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive);

        await h.Fake.PushAsync("garbage{");
        await h.Fake.PushAsync("""{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1,"data":[{"T":1,"S":"Buy","v":"abc","p":"1"}]}""");
        await h.Fake.PushAsync("""{"topic":"orderbook.1.BTCUSDT","type":"snapshot","ts":1,"data":{}}""");
        var t = Minute(TimeProvider.System.GetUtcNow()) + 5_000;
        await h.Fake.PushAsync(FakeBybitFrames.Liquidation(Btc, t, longLiquidated: true, 2, 50_000));
        // Live events are held until the first whole live minute begins and the gap before it is backfilled.
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, t + 60_000, true, 1, 50_000));
        await SourceHarness.WaitUntilAsync(() => h.Events.OfType<LiquidationReported>().Any());

        Assert.Equal(2, h.Source!.Counters.Malformed);
        Assert.Equal(1, h.Source.Counters.Unknown);
        Assert.True(h.Source.Status.IsLive);
        var liquidation = h.Events.OfType<LiquidationReported>().Single().Liquidation;
        Assert.Equal((PositionSide.Long, 100_000d), (liquidation.Side, liquidation.NotionalUsd));
    }

    [Fact]
    public async Task Start_BybitDown_ReportsUnavailableThenRecovers()
    {
        await using var h = await SourceHarness.CreateAsync(o => o.RestMaxRetries = 1);
        h.Fake.Fail("/v5/market/instruments-info", RestFault.Code(10016, "server error"), times: 6);
        h.Start(Btc);

        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.State == FeedState.Unavailable);
        Assert.StartsWith("market data unavailable since ", h.Source!.Status.Describe(), StringComparison.Ordinal);
        Assert.Contains("10016", h.Source.Status.Reason, StringComparison.Ordinal);

        await SourceHarness.WaitUntilAsync(() => h.Source.Status.IsLive);
        Assert.True(h.Source.Counters.Reconnects >= 1);
    }

    [Fact]
    public async Task Start_UnlistedSymbol_IsSkipped_TheOthersStream()
    {
        await using var h = await SourceHarness.CreateAsync();
        h.Start(Btc, "NOPEUSDT");

        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive);

        Assert.Equal("allLiquidation.BTCUSDT,tickers.BTCUSDT,publicTrade.BTCUSDT", Assert.Single(h.Fake.Subscriptions));
        Assert.Equal(0, h.Fake.RequestCount("/v5/market/risk-limit") - 1);
    }

    [Fact]
    public async Task Subscribe_NoAck_TimesOutAndReconnects()
    {
        await using var h = await SourceHarness.CreateAsync(o => o.PongTimeout = TimeSpan.FromMilliseconds(200));
        h.Fake.Silent = true;
        h.Start(Btc);

        await SourceHarness.WaitUntilAsync(() => h.Fake.Connections >= 2);
        Assert.Equal("no subscribe ack", h.Source!.Status.Reason);

        h.Fake.Silent = false;
        await SourceHarness.WaitUntilAsync(() => h.Source.Status.IsLive);
    }

    private static long Minute(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 60_000 * 60_000;
}
