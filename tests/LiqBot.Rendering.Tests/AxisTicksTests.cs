using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class AxisTicksTests
{
    [Fact]
    public void Between_PicksRoundSteps()
    {
        var ticks = AxisTicks.Between(84_300, 101_900, 8, out var step);

        Assert.Equal(2500, step);
        Assert.Equal(85_000, ticks[0]);
        Assert.Equal(100_000, ticks[^1]);
    }

    [Theory]
    [InlineData(5000, 0)]
    [InlineData(2500, 1)]
    [InlineData(250, 2)]
    [InlineData(50, 2)]
    [InlineData(25, 3)]
    public void ThousandsDecimals_KeepsNeighbouringTicksDistinct(double step, int decimals)
    {
        Assert.Equal(decimals, AxisTicks.ThousandsDecimals(step));
    }
}
