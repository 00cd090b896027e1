using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Venues;

namespace LiqBot.Tests.Exchanges.Binance;

public sealed class BinanceMarketSourceTests
{
    private const string Btc = "BTCUSDT";

    [Fact]
    public async Task WarmStart_PagesKlinesAndOpenInterestHistory_BarsCarryUsdOpenInterestAndTakerSplit()
    {
        var (h, fake, source) = await BinanceHarness.StartAsync(o => o.WarmStart = TimeSpan.FromDays(6));
        await using var _ = h;

        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive && h.Bars().Count >= 1728);

        var bars = h.Bars();
        Assert.Equal(1728, bars.Count);
        Assert.All(bars.Zip(bars.Skip(1)), p => Assert.Equal(p.First.CloseTime, p.Second.OpenTime));
        var last = bars[^1];
        Assert.Equal(FakeBinanceHistory.OpenInterestUsd(last.CloseTime.ToUnixTimeMilliseconds()), last.OpenInterestUsd, 3);
        var mid = (last.Open + last.Close) / 2;
        Assert.Equal(6 * mid, last.TakerBuyUsd!.Value, 3);
        Assert.Equal(4 * mid, last.TakerSellUsd!.Value, 3);
        Assert.Equal(mid, last.Vwap!.Value, 6);

        // 1728 klines at 1500 a page, 1729 readings at 500 a page.
        Assert.Equal(2, fake.Host.RequestCount("/fapi/v1/klines"));
        Assert.Equal(4, fake.Host.RequestCount("/futures/data/openInterestHist"));
        Assert.Contains(fake.Host.ConnectedUrls, u => u == "/market/stream?streams=btcusdt@kline_1m/btcusdt@aggTrade/btcusdt@markPrice@1s/btcusdt@forceOrder");
    }

    [Fact]
    public async Task Live_ClosedKline_BecomesABarWithOpenInterestInBtcTimesMark_AndTheMinuteThatNeverClosedComesFromRest()
    {
        var (h, fake, source) = await BinanceHarness.StartAsync(prepare: f => f.HeartbeatMark = 61_000);
        await using var _ = h;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);
        var m0 = VenueHarness.NextMinuteMs;

        await fake.Host.PushAsync(FakeBinanceFrames.MarkPrice(Btc, m0 + 1_000, 61_000));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0, 61_000, 61_050, 60_990, 61_020, 4, 244_080, 2, 122_040, closed: false));
        await fake.Host.PushAsync(FakeBinanceFrames.ForceOrder(Btc, m0 + 5_000, "SELL", 0.5, 60_900));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0, 61_000, 61_100, 60_900, 61_050, 10, 610_300, 6, 366_000, closed: true));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0 + 60_000, 61_050, 61_060, 61_040, 61_055, 1, 61_050, 1, 61_050, closed: false));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0 + 120_000, 61_055, 61_060, 61_040, 61_045, 1, 61_050, 1, 61_050, closed: false));
        await PushLaterTradeAsync(fake, m0 + 185_000);
        await VenueHarness.WaitUntilAsync(() => h.BarAt(m0) is not null && h.BarAt(m0 + 60_000) is not null);

        var live = h.BarAt(m0)!.Value;
        Assert.Equal((61_000d, 61_100d, 60_900d, 61_050d), (live.Open, live.High, live.Low, live.Close));
        Assert.Equal(FakeBinanceHistory.OpenInterestBtc * 61_000, live.OpenInterestUsd, 3);
        Assert.Equal(61_030, live.Vwap!.Value, 6);
        Assert.Equal((366_000d, 244_300d), (live.TakerBuyUsd!.Value, live.TakerSellUsd!.Value));
        Assert.Equal(0.5 * 60_900, live.LiquidatedLongUsd!.Value, 6);
        var liquidation = Assert.Single(h.Events.OfType<LiquidationReported>()).Liquidation;
        Assert.Equal((PositionSide.Long, 30_450d), (liquidation.Side, liquidation.NotionalUsd));

        // Its x:true frame never came: the minute was fetched from /fapi/v1/klines.
        var fetched = h.BarAt(m0 + 60_000)!.Value;
        Assert.Equal(FakeBinanceHistory.Price(m0 + 60_000), fetched.Open, 6);
        Assert.Equal(FakeBinanceHistory.OpenInterestBtc * 61_000, fetched.OpenInterestUsd, 3);
        Assert.Contains(fake.Host.Requests, r => r.Contains($"interval=1m&startTime={m0 + 60_000}&endTime={m0 + 60_000}", StringComparison.Ordinal));
        var bars = h.Bars();
        Assert.All(bars.Zip(bars.Skip(1)), p => Assert.Equal(p.First.CloseTime, p.Second.OpenTime));
    }

    [Fact]
    public async Task Streams_Refused_IsNotLiveSaysWhyAndRetries()
    {
        var (h, fake, source) = await BinanceHarness.StartAsync(prepare: f => f.RefuseStreams = true);
        await using var _ = h;

        await VenueHarness.WaitUntilAsync(() => fake.Host.Connections >= 2 && source.Status.State == FeedState.Unavailable);
        Assert.Contains("Binance refused the streams: Invalid request: invalid stream", source.Status.Describe(), StringComparison.Ordinal);

        fake.RefuseStreams = false;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);
    }

    [Fact]
    public async Task Drop_And_Silence_Reconnect()
    {
        var (h, fake, source) = await BinanceHarness.StartAsync(VenueHarness.QuickKeepAlive);
        await using var _ = h;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);

        fake.Host.DropConnections();
        await VenueHarness.WaitUntilAsync(() => fake.Host.Connections >= 2 && source.Status.IsLive);
        Assert.True(source.Counters.Reconnects >= 1);

        fake.Heartbeat = false;
        await VenueHarness.WaitUntilAsync(() => source.Status.State == FeedState.Unavailable);
        Assert.Contains("no data for", source.Status.Describe(), StringComparison.Ordinal);
        fake.Heartbeat = true;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive && fake.Host.Connections >= 3);
    }

    [Fact]
    public async Task ConnectionLifetime_ReconnectsRightAfterABar_WithoutGoingDownOrLosingAMinute()
    {
        var (h, fake, source) = await BinanceHarness.StartAsync(o => o.ConnectionLifetime = TimeSpan.FromMilliseconds(1));
        await using var _ = h;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);
        var m0 = VenueHarness.NextMinuteMs;

        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0, 60_000, 60_100, 59_900, 60_050, 10, 600_300, 5, 300_000, closed: true));
        await VenueHarness.WaitUntilAsync(() => h.BarAt(m0) is not null && fake.Host.Connections >= 2 && fake.Host.OpenSockets() == 1);
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0 + 60_000, 60_050, 60_100, 59_900, 60_000, 10, 600_300, 5, 300_000, closed: true));
        await PushLaterTradeAsync(fake, m0 + 185_000);
        await VenueHarness.WaitUntilAsync(() => h.BarAt(m0 + 60_000) is not null);

        Assert.True(source.Status.IsLive);
        Assert.Equal(FeedState.Live, source.Status.State);
        var bars = h.Bars();
        Assert.Equal(bars.Count, bars.Select(b => b.OpenTime).Distinct().Count());
        Assert.All(bars.Zip(bars.Skip(1)), p => Assert.Equal(p.First.CloseTime, p.Second.OpenTime));
    }

    [Theory]
    [InlineData(429, 1)]
    [InlineData(418, null)]
    public async Task RateLimited_WarmStart_PausesThenCompletes(int status, int? retryAfterSeconds)
    {
        var (h, fake, source) = await BinanceHarness.StartAsync(prepare: f => f.Host.Fail("/fapi/v1/klines", new FakeHttpFault(status, """{"code":-1003,"msg":"Too many requests."}""", retryAfterSeconds)));
        await using var _ = h;

        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive && h.Bars().Count >= 24);
        Assert.Equal(2, fake.Host.RequestCount("/fapi/v1/klines"));
    }

    [Fact]
    public async Task MalformedFrame_AndKlineWithHighBelowLow_AreSkippedAndCounted()
    {
        var (h, fake, source) = await BinanceHarness.StartAsync(supervised: true);
        await using var _ = h;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);
        var m0 = VenueHarness.NextMinuteMs;

        await fake.Host.PushAsync(FakeBinanceFrames.Wrap("btcusdt@aggTrade", """{"e":"aggTrade","E":1,"s":"BTCUSDT","a":1,"p":"not a price","q":"1","f":1,"l":1,"T":1,"m":true}"""));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0, 60_000, 59_000, 61_000, 60_050, 10, 600_300, 5, 300_000, closed: true));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0 + 60_000, 60_050, 60_100, 59_900, 60_000, 10, 600_300, 5, 300_000, closed: true));
        await PushLaterTradeAsync(fake, m0 + 185_000);
        await VenueHarness.WaitUntilAsync(() => h.BarAt(m0 + 60_000) is not null);

        Assert.Equal(1, source.Counters.Malformed);
        Assert.Equal(1, h.Supervised!.Filter.Skipped(SkippedRecordKind.BarRange));
        Assert.Null(h.BarAt(m0));
        Assert.True(h.Supervised.Status.IsLive);
    }

    /// <summary>Live events wait out the 1 s reorder window: a later trade releases the bars before it.</summary>
    private static Task PushLaterTradeAsync(FakeBinanceServer fake, long ms) => fake.Host.PushAsync(FakeBinanceFrames.AggTrade(Btc, ms, 60_000, 0.1, buyerIsMaker: false));
}
