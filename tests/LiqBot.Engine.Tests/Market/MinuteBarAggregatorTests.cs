using LiqBot.Engine.Market;

namespace LiqBot.Engine.Tests.Market;

public sealed class MinuteBarAggregatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddTrade_NextMinute_ClosesBarWithOhlcVwapAndTakerVolumes()
    {
        var agg = new MinuteBarAggregator();
        Assert.False(agg.SetOpenInterest(T0, 1_000_000, out _));
        Assert.False(agg.AddTrade(new PublicTrade(T0.AddSeconds(1), 100, 2, TakerIsBuyer: true), out _));
        Assert.False(agg.AddTrade(new PublicTrade(T0.AddSeconds(10), 110, 1, TakerIsBuyer: false), out _));
        Assert.False(agg.AddTrade(new PublicTrade(T0.AddSeconds(20), 95, 1, TakerIsBuyer: false), out _));
        Assert.False(agg.SetOpenInterest(T0.AddSeconds(30), 1_200_000, out _));
        Assert.False(agg.AddTrade(new PublicTrade(T0.AddSeconds(59), 105, 1, TakerIsBuyer: true), out _));

        Assert.True(agg.AddTrade(new PublicTrade(T0.AddSeconds(61), 106, 1, TakerIsBuyer: true), out var bar));

        Assert.Equal(T0, bar.OpenTime);
        Assert.Equal(TimeSpan.FromMinutes(1), bar.Duration);
        Assert.Equal((100d, 110d, 95d, 105d), (bar.Open, bar.High, bar.Low, bar.Close));
        Assert.Equal((200 + 110 + 95 + 105) / 5.0, bar.Vwap!.Value, 9);
        Assert.Equal(305d, bar.TakerBuyUsd);
        Assert.Equal(205d, bar.TakerSellUsd);
        Assert.Equal(1_200_000d, bar.OpenInterestUsd);
    }

    [Fact]
    public void SetOpenInterest_AfterClose_BelongsToNextBar()
    {
        var agg = new MinuteBarAggregator();
        agg.SetOpenInterest(T0, 10, out _);
        agg.AddTrade(new PublicTrade(T0.AddSeconds(5), 100, 1, true), out _);

        Assert.True(agg.SetOpenInterest(T0.AddMinutes(1), 20, out var bar));
        Assert.Equal(10d, bar.OpenInterestUsd);
        Assert.Equal(20d, agg.OpenInterestUsd);
    }

    [Fact]
    public void AddLiquidation_SumsPerSide()
    {
        var agg = new MinuteBarAggregator();
        agg.SetOpenInterest(T0, 10, out _);
        agg.AddTrade(new PublicTrade(T0, 100, 1, true), out _);
        agg.AddLiquidation(new RealizedLiquidation(T0.AddSeconds(3), PositionSide.Long, 99, 500), out _);
        agg.AddLiquidation(new RealizedLiquidation(T0.AddSeconds(4), PositionSide.Long, 98, 250), out _);
        agg.AddLiquidation(new RealizedLiquidation(T0.AddSeconds(5), PositionSide.Short, 101, 70), out _);

        Assert.True(agg.Advance(T0.AddMinutes(1), out var bar));
        Assert.Equal(750d, bar.LiquidatedLongUsd);
        Assert.Equal(70d, bar.LiquidatedShortUsd);
    }

    [Fact]
    public void Advance_MinuteWithoutTradesOrOpenInterest_ProducesNoBar()
    {
        var agg = new MinuteBarAggregator();
        agg.AddTrade(new PublicTrade(T0, 100, 1, true), out _);
        Assert.False(agg.Advance(T0.AddMinutes(1), out _));

        agg.SetOpenInterest(T0.AddMinutes(1), 5, out _);
        Assert.False(agg.Advance(T0.AddMinutes(3), out _));
    }

    [Fact]
    public void AddTrade_AfterSkippedMinutes_BarOpensAtTheTradesMinute()
    {
        var agg = new MinuteBarAggregator();
        agg.SetOpenInterest(T0, 5, out _);
        agg.AddTrade(new PublicTrade(T0.AddMinutes(7).AddSeconds(30), 100, 1, true), out _);

        Assert.True(agg.Advance(T0.AddMinutes(9), out var bar));
        Assert.Equal(T0.AddMinutes(7), bar.OpenTime);
    }
}
