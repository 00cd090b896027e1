using LiqBot.Engine.Backtest;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Backtest;

public sealed class PriceOnlyPredictorsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Bar Hour(int hour, double low, double high, double close) =>
        new(Start.AddHours(hour), TimeSpan.FromHours(1), close, high, low, close, 1e9, LiquidatedLongUsd: 0, LiquidatedShortUsd: 0);

    [Fact]
    public void Of_LastBarDropsFivePercent_MoveBreakoutAndTheTiersItReached()
    {
        Bar[] bars =
        [
            Hour(0, 99_000, 101_000, 100_000),
            Hour(1, 99_500, 100_500, 100_000),
            Hour(2, 99_200, 100_800, 100_000),
            Hour(3, 99_400, 100_600, 100_000),
            Hour(4, 95_000, 100_000, 96_000),
        ];
        var plan = ScoringPlan.Of(bars, Start.AddDays(1), TimeSpan.Zero);

        var predictors = PriceOnlyPredictors.Of(bars, plan, new ModelOptions(), breakoutLookback: 4);

        // Long levels from the previous close 100,000 (mmr 0.5 %): 5x 80,500, 10x 90,500, 25x 96,500,
        // 50x 98,500, 100x 99,500; a low of 95,000 reaches 25x, 50x and 100x: 0.25 + 0.20 + 0.10.
        Assert.Equal(4, plan.Count);
        Assert.Equal(5_000, predictors.Move.Long[^1]);
        Assert.Equal(0, predictors.Move.Short[^1]);
        Assert.Equal(0.55, predictors.DistanceOnly.Long[^1], 12);
        Assert.Equal(0, predictors.DistanceOnly.Short[^1]);
        Assert.Equal(1, predictors.Breakout.Long[^1]);
        Assert.Equal(0, predictors.Breakout.Short[^1]);

        // Hour 1: its low 99,500 stays above hour 0's 99,000 and its high 100,500 below 101,000: no breakout.
        Assert.Equal(0, predictors.Breakout.Long[0]);
        Assert.Equal(0, predictors.Breakout.Short[0]);
    }

    [Fact]
    public void Of_ShortOnlyTier_CountsOnTheShortSideOnly()
    {
        Bar[] bars = [Hour(0, 99_900, 100_100, 100_000), Hour(1, 99_800, 100_200, 100_000)];
        var options = new ModelOptions { Tiers = [new(10, 1), new(150, 1, Side: PositionSide.Short)] };

        var predictors = PriceOnlyPredictors.Of(bars, ScoringPlan.Of(bars, Start.AddDays(1), TimeSpan.Zero), options, breakoutLookback: 4);

        // Short 150x sits at 100,166.67, within the high of 100,200; no long level is near.
        Assert.Equal(0.5, predictors.DistanceOnly.Short[0], 12);
        Assert.Equal(0, predictors.DistanceOnly.Long[0]);
    }
}
