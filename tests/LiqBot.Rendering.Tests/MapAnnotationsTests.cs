using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class MapAnnotationsTests
{
    [Theory]
    [InlineData(200, "estimated liquidations per price bin ($200)")]
    [InlineData(2500, "estimated liquidations per price bin ($2,500)")]
    [InlineData(0.5, "estimated liquidations per price bin ($0.50)")]
    public void BarAxisTitle_NamesThePriceBinAndItsWidth(double barWidth, string expected)
    {
        Assert.Equal(expected, MapAnnotations.BarAxisTitle(barWidth));
    }
}
