using LiqBot.Engine.Formatting;

namespace LiqBot.Engine.Tests.Formatting;

public sealed class MarketTextTests
{
    [Theory]
    [InlineData(91_234, 100, "91.2k")]
    [InlineData(91_250, 50, "91.25k")]
    [InlineData(3_412, 2, "3,412")]
    [InlineData(0.35123, 0.0005, "0.3512")]
    public void Price_ShowsThePrecisionTheStepNeeds(double price, double step, string expected) => Assert.Equal(expected, MarketText.Price(price, step));
}
