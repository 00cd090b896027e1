using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Model;

public sealed class LiquidationPriceTests
{
    [Theory]
    [InlineData(PositionSide.Long, 10, 90_500)]
    [InlineData(PositionSide.Short, 10, 109_500)]
    [InlineData(PositionSide.Long, 100, 99_500)]
    [InlineData(PositionSide.Short, 5, 119_500)]
    public void Of_IsolatedLinear_MatchesHandComputedLevel(PositionSide side, double leverage, double expected) =>
        Assert.Equal(expected, LiquidationPrice.Of(side, 100_000, leverage, 0.005), 6);

    [Theory]
    [InlineData(100_000, 100)]
    [InlineData(77_383, 100)]
    [InlineData(63_000, 50)]
    [InlineData(3_400, 2)]
    [InlineData(0.35, 0.0005)]
    public void Auto_PicksRoundBinNearOneTenthPercent(double price, double expected) =>
        Assert.Equal(expected, BinSizing.Auto(price), 10);
}
