using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Fakes.Bybit;

namespace LiqBot.Tests.Exchanges.Bybit;

/// <summary>One broken exchange record, in the REST warm start or on the socket, is skipped and counted; the map goes on.</summary>
public sealed class BybitBadRecordTests
{
    private const string Btc = "BTCUSDT";

    [Fact]
    public async Task KlineWithHighBelowLow_InTheWarmStart_IsSkippedAndCounted_AndTheBookTakesEveryOtherBar()
    {
        await using var h = await SourceHarness.CreateAsync();
        var fiveMinutes = 300_000L;
        var corrupt = (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - 3_600_000) / fiveMinutes * fiveMinutes;
        h.Fake.CorruptKlineOpenMs = corrupt;
        h.StartSupervised(Btc);

        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive && h.Supervised!.Filter.Skipped(SkippedRecordKind.BarRange) == 1 && h.Bars().Count >= 20);

        var bars = h.Bars();
        Assert.DoesNotContain(bars, b => b.OpenTime.ToUnixTimeMilliseconds() == corrupt);
        var book = new LiquidationBook(Btc, new ModelOptions());
        foreach (var bar in bars)
        {
            book.Apply(bar); // throws on a bar the engine refuses: none got through
        }

        Assert.Equal(bars.Count, book.BarCount);
        Assert.True(h.Supervised!.Status.IsLive);
    }

    [Fact]
    public async Task LiveLiquidationWithNoSize_IsSkippedAndCounted_AndLaterRecordsStillArrive()
    {
        await using var h = await SourceHarness.CreateAsync();
        h.StartSupervised(Btc);
        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive);
        var m0 = (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 60_000 * 60_000) + 60_000;

        // Live events are released once the first whole live minute is backfilled, so trades mark the minutes.
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 2_000, true, 1, 60_000));
        await h.Fake.PushAsync(FakeBybitFrames.Liquidation(Btc, m0 + 61_000, longLiquidated: true, size: 0, price: 60_000));
        await h.Fake.PushAsync(FakeBybitFrames.Liquidation(Btc, m0 + 61_100, longLiquidated: true, size: 2, price: 60_000));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 121_000, true, 1, 60_010));
        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 181_000, true, 1, 60_020));

        await SourceHarness.WaitUntilAsync(() => h.Events.OfType<LiquidationReported>().Any());
        var arrived = Assert.Single(h.Events.OfType<LiquidationReported>());
        Assert.Equal(120_000, arrived.Liquidation.NotionalUsd);
        Assert.Equal(1, h.Supervised!.Filter.Skipped(SkippedRecordKind.BadAmount));
        Assert.True(h.Supervised.Status.IsLive);
    }
}
