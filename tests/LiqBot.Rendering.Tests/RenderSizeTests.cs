using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class RenderSizeTests
{
    [Theory]
    [InlineData(639, 720)]
    [InlineData(2561, 720)]
    [InlineData(1280, 359)]
    [InlineData(1280, 1441)]
    [InlineData(0, 0)]
    public void Create_OutsideSupportedRange_ThrowsWithClearMessage(int width, int height)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RenderSize(width, height));

        Assert.Contains("between", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(640, 360)]
    [InlineData(2560, 1440)]
    public void Create_AtTheLimits_IsAccepted(int width, int height)
    {
        var size = new RenderSize(width, height);

        Assert.Equal((width, height), (size.Width, size.Height));
    }

    [Fact]
    public void Default_Is1280x720()
    {
        Assert.Equal("1280x720", RenderSize.Default.ToString());
    }
}
