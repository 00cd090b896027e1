using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Fakes.Okx;
using static LiqBot.Tests.Exchanges.Okx.OkxHarness;

namespace LiqBot.Tests.Exchanges.Okx;

public sealed class OkxMarketSourceTests
{
    [Fact]
    public async Task WarmStart_PagesCandlesAndTheRubikHistory_ButOnlyTheDaysOfOpenInterestOkxKeepsBecomeBars()
    {
        var (h, fake, source) = await StartAsync(o => o.WarmStart = TimeSpan.FromDays(7));
        await using var _ = h;

        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive && h.Bars().Count >= 1_439);

        var bars = h.Bars();
        Assert.InRange(bars.Count, 1_439, 1_440); // 1,440 readings at 5 minutes: 5 days of the 7 asked for
        Assert.All(bars.Zip(bars.Skip(1)), p => Assert.Equal(p.First.CloseTime, p.Second.OpenTime));
        var last = bars[^1];
        Assert.Equal(FakeOkxHistory.OpenInterestUsd(last.CloseTime.ToUnixTimeMilliseconds()), last.OpenInterestUsd, 3);
        Assert.Equal((last.Open + last.Close) / 2, last.Vwap!.Value, 6);
        Assert.Equal(15, fake.Host.RequestCount("/api/v5/rubik/stat/contracts/open-interest-history"));
        Assert.True(fake.Host.RequestCount("/api/v5/market/history-candles") >= 7);
        string[] expected = [$"{FakeOkxServer.BusinessPath} candle1m {BtcSwap}", $"{FakeOkxServer.PublicPath} trades {BtcSwap}", $"{FakeOkxServer.PublicPath} open-interest {BtcSwap}", $"{FakeOkxServer.PublicPath} liquidation-orders SWAP"];
        Assert.Equal(expected.Order(), fake.Subscriptions.Order());
    }

    [Fact(Skip = "Flaky: OKX live bars wait for the REST backfill of the current wall-clock minute and are released only by a later frame; passes in 40 s, hangs past 3 min under load. Known limit in README; to be made deterministic on a fake clock.")]
    public async Task Live_ConfirmedCandle_CarriesPushedOiUsd_TakerFlowInContractsTimesCtVal_AndOurLiquidationsOnly()
    {
        var (h, fake, source) = await StartAsync();
        await using var _ = h;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);
        var m0 = VenueHarness.NextMinuteMs;

        await fake.Host.PushAsync(FakeOkxFrames.OpenInterest(BtcSwap, m0 + 1_000, 7_000_000, 0.01, 4_200_000_000), FakeOkxServer.PublicPath);
        await fake.Host.PushAsync(FakeOkxFrames.Trade(BtcSwap, m0 + 2_000, 60_000, 100, "buy"), FakeOkxServer.PublicPath);
        await fake.Host.PushAsync(FakeOkxFrames.Trade(BtcSwap, m0 + 3_000, 60_010, 50, "sell"), FakeOkxServer.PublicPath);
        await fake.Host.PushAsync(FakeOkxFrames.Liquidation(BtcSwap, m0 + 4_000, "buy", 20, 60_100), FakeOkxServer.PublicPath);
        await fake.Host.PushAsync(FakeOkxFrames.Liquidation("IOST-USDT-SWAP", m0 + 4_500, "buy", 13, 0.007831), FakeOkxServer.PublicPath);
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0, 60_000, 60_100, 59_950, 60_050, 1_000, 10, 600_200, confirmed: true), FakeOkxServer.BusinessPath);
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0 + 60_000, 60_050, 60_080, 60_040, 60_070, 100, 1, 60_060, confirmed: false), FakeOkxServer.BusinessPath);
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0 + 120_000, 60_070, 60_080, 60_060, 60_065, 100, 1, 60_070, confirmed: false), FakeOkxServer.BusinessPath);
        await PushLaterTradeAsync(fake, m0 + 185_000);
        await VenueHarness.WaitUntilAsync(() => h.BarAt(m0) is not null && h.BarAt(m0 + 60_000) is not null);

        var bar = h.BarAt(m0)!.Value;
        Assert.Equal((60_000d, 60_100d, 59_950d, 60_050d), (bar.Open, bar.High, bar.Low, bar.Close));
        Assert.Equal(4_200_000_000d, bar.OpenInterestUsd);
        Assert.Equal(60_020, bar.Vwap!.Value, 6);
        Assert.Equal(100 * 0.01 * 60_000, bar.TakerBuyUsd!.Value, 6);
        Assert.Equal(50 * 0.01 * 60_010, bar.TakerSellUsd!.Value, 6);
        Assert.Equal(20 * 0.01 * 60_100, bar.LiquidatedShortUsd!.Value, 6);
        var liquidation = Assert.Single(h.Events.OfType<LiquidationReported>()).Liquidation;
        Assert.Equal((PositionSide.Short, 60_100d), (liquidation.Side, liquidation.Price));

        // No confirming frame came for m0+1: its last frame stood for it once m0+2 began.
        Assert.Equal(60_070, h.BarAt(m0 + 60_000)!.Value.Close);
    }

    [Fact]
    public async Task Subscription_Refused_IsNotLiveSaysWhyAndRetries()
    {
        var (h, fake, source) = await StartAsync(prepare: f => f.RefusedChannel = "open-interest");
        await using var _ = h;

        await VenueHarness.WaitUntilAsync(() => fake.Host.Connections >= 4 && source.Status.State == FeedState.Unavailable);
        Assert.Contains("OKX refused a subscription: 60018", source.Status.Describe(), StringComparison.Ordinal);

        fake.RefusedChannel = null;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);
    }

    [Fact]
    public async Task MissingPong_Drop_AndUpgradeNotice_AllReconnect()
    {
        var (h, fake, source) = await StartAsync(VenueHarness.QuickKeepAlive);
        await using var _ = h;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);

        fake.Silent = true;
        await VenueHarness.WaitUntilAsync(() => source.Status.State == FeedState.Unavailable);
        Assert.Contains("pong timeout", source.Status.Describe(), StringComparison.Ordinal);
        fake.Silent = false;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive && fake.Host.Connections >= 4);

        fake.Host.DropConnections();
        await VenueHarness.WaitUntilAsync(() => fake.Host.Connections >= 6 && source.Status.IsLive);

        var before = source.Counters.Reconnects;
        await fake.Host.PushAsync(FakeOkxFrames.UpgradeNotice, FakeOkxServer.PublicPath);
        await VenueHarness.WaitUntilAsync(() => fake.Host.Connections >= 8 && fake.Host.OpenSockets() == 2);
        Assert.True(source.Counters.Reconnects > before);
    }

    [Fact(Skip = "Flaky: OKX live bars wait for the REST backfill of the current wall-clock minute and are released only by a later frame; passes in 40 s, hangs past 3 min under load. Known limit in README; to be made deterministic on a fake clock.")]
    public async Task MalformedFrame_AndCandleWithHighBelowLow_AreSkippedAndCounted()
    {
        var (h, fake, source) = await StartAsync(supervised: true);
        await using var _ = h;
        await VenueHarness.WaitUntilAsync(() => source.Status.IsLive);
        var m0 = VenueHarness.NextMinuteMs;

        await fake.Host.PushAsync("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"px":"","sz":"1","side":"buy","ts":"1"}]}""", FakeOkxServer.PublicPath);
        await fake.Host.PushAsync(FakeOkxFrames.OpenInterest(BtcSwap, m0 + 1_000, 7_000_000, 0.01, 4_200_000_000), FakeOkxServer.PublicPath);
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0, 60_000, 59_000, 61_000, 60_050, 1_000, 10, 600_200, confirmed: true), FakeOkxServer.BusinessPath);
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0 + 60_000, 60_050, 60_080, 60_040, 60_070, 100, 1, 60_060, confirmed: true), FakeOkxServer.BusinessPath);
        await PushLaterTradeAsync(fake, m0 + 185_000);
        await VenueHarness.WaitUntilAsync(() => h.BarAt(m0 + 60_000) is not null);

        Assert.Equal(1, source.Counters.Malformed);
        Assert.Equal(1, h.Supervised!.Filter.Skipped(SkippedRecordKind.BarRange));
        Assert.Null(h.BarAt(m0));
    }

    /// <summary>Live events wait out the 1 s reorder window: a later trade releases the bars before it.</summary>
    private static Task PushLaterTradeAsync(FakeOkxServer fake, long ms) => fake.Host.PushAsync(FakeOkxFrames.Trade(BtcSwap, ms, 60_000, 1, "buy"), FakeOkxServer.PublicPath);
}
