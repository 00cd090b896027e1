using LiqBot.Engine.Model;
using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class LiquidationMapRendererTests
{
    private readonly LiquidationMapRenderer renderer = new();

    [Theory]
    [InlineData(640, 360)]
    [InlineData(1280, 720)]
    [InlineData(2560, 1440)]
    public void Render_AnySupportedSize_ProducesPngOfThatSize(int width, int height)
    {
        var book = SyntheticBooks.Realistic();

        var image = PngImage.Decode(renderer.Render(book, SyntheticBooks.Zones(book), new RenderSize(width, height)));

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void Render_LongBars_SitLeftOfPriceLine()
    {
        var book = SyntheticBooks.Realistic();
        var (image, plan) = RenderWithPlan(book);
        var priceX = plan.Geometry.X(book.Price);

        var (red, green) = ColouredPixelsInBarArea(image, plan);

        Assert.True(red.Count > 5000, $"expected many long (red) pixels, found {red.Count}");
        Assert.True(green.Count > 5000, $"expected many short (green) pixels, found {green.Count}");
        Assert.All(red, x => Assert.True(x < priceX + 1, $"red pixel at x={x} right of the price line at {priceX:F1}"));
        Assert.All(green, x => Assert.True(x > priceX - 1, $"green pixel at x={x} left of the price line at {priceX:F1}"));
    }

    [Fact]
    public void Render_PriceLine_IsDrawnAtThePrice()
    {
        var book = SyntheticBooks.Realistic();
        var (image, plan) = RenderWithPlan(book);
        var x = (int)Math.Round(plan.Geometry.X(book.Price));

        var bright = Enumerable.Range((int)plan.Geometry.Plot.Top, (int)plan.Geometry.Plot.Height)
            .Count(y => Enumerable.Range(x - 1, 3).Any(dx => PixelColours.Brightness(image.Pixel(dx, y)) > 0.6));

        Assert.True(bright > plan.Geometry.Plot.Height * 0.3, $"dashed price line not found at x={x} ({bright} bright pixels)");
    }

    [Fact]
    public void Render_OneBinHugeOutlier_StillShowsManyDistinctBarHeightsAndSaysClipped()
    {
        var book = SyntheticBooks.WithOutlier(factor: 1000);
        var (image, plan) = RenderWithPlan(book);

        var heights = new HashSet<int>();
        for (var bar = 0; bar < plan.Bars.Count; bar++)
        {
            var x = (int)plan.Geometry.X(plan.Bars.BarLow(bar) + (plan.Bars.BarWidth / 2));
            var height = 0;
            for (var y = (int)plan.Geometry.Baseline - 2; y > plan.Geometry.Plot.Top; y--, height++)
            {
                var pixel = image.Pixel(x, y);
                if (!PixelColours.IsRed(pixel) && !PixelColours.IsGreen(pixel))
                {
                    break;
                }
            }

            heights.Add(height / 4);
        }

        Assert.True(plan.BarScale.IsClipped);
        Assert.True(heights.Count >= 20, $"only {heights.Count} distinct bar heights: the outlier flattened the rest");
        Assert.True(CountPixels(image, PixelColours.IsAmber, fromY: (int)plan.Geometry.Baseline) > 100, "no 'scale clipped' note under the plot");
    }

    [Fact]
    public void Render_EmptyBook_SaysWaitingAndDrawsNoBars()
    {
        var image = PngImage.Decode(renderer.Render(SyntheticBooks.Empty(), [], RenderSize.Default));

        Assert.Equal((1280, 720), (image.Width, image.Height));
        Assert.Equal(0, CountPixels(image, p => PixelColours.IsRed(p) || PixelColours.IsGreen(p), fromY: 60));
        var textInCentre = CountPixels(image, p => PixelColours.Brightness(p) > 0.6, fromY: 300, toY: 420);
        Assert.True(textInCentre > 500, $"no centred message ({textInCentre} bright pixels)");
    }

    [Fact]
    public void Render_SingleBin_DrawsOneLongBarLeftOfPrice()
    {
        var book = SyntheticBooks.SingleBin();
        var (image, plan) = RenderWithPlan(book);

        var (red, green) = ColouredPixelsInBarArea(image, plan);

        Assert.NotEmpty(red);
        Assert.Empty(green);
        Assert.All(red, x => Assert.True(x < plan.Geometry.X(book.Price)));
    }

    [Fact]
    public void Render_PriceOutsideTheGrid_StillRenders()
    {
        var book = SyntheticBooks.Realistic() with { Price = 150_000 };

        var image = PngImage.Decode(renderer.Render(book, [], RenderSize.Default));

        Assert.Equal((1280, 720), (image.Width, image.Height));
    }

    [Fact]
    public void Render_SameInput_SameBytes()
    {
        var book = SyntheticBooks.Realistic();

        var first = renderer.Render(book, SyntheticBooks.Zones(book), RenderSize.Default);
        var second = renderer.Render(book, SyntheticBooks.Zones(book), RenderSize.Default);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_TitleAndAxisTitles_AreDrawnAsText()
    {
        var book = SyntheticBooks.Realistic();
        var (image, plan) = RenderWithPlan(book);
        var plot = plan.Geometry.Plot;

        Assert.True(TextPixels.Count(image, 18, 8, 300, 34) > 300, "no title: the font did not draw");
        Assert.True(TextPixels.Count(image, 0, (int)plot.Top, 20, (int)plot.Height) > 150, "no vertical axis title left of the plot");
        Assert.True(TextPixels.Count(image, (int)plot.Right - 120, (int)plot.Bottom + 28, 120, 20) > 60, "no 'price (USD)' under the plot");
    }

    [Fact]
    public void Render_DefaultStructSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => renderer.Render(SyntheticBooks.Realistic(), [], default));
    }

    private (PngImage Image, MapPlan Plan) RenderWithPlan(BookSnapshot book) =>
        (PngImage.Decode(renderer.Render(book, SyntheticBooks.Zones(book), RenderSize.Default)), MapPlan.Create(book, RenderSize.Default));

    /// <summary>x of red and green pixels between the bar top and the baseline (zone labels excluded).</summary>
    private static (List<int> Red, List<int> Green) ColouredPixelsInBarArea(PngImage image, MapPlan plan)
    {
        var geometry = plan.Geometry;
        var (red, green) = (new List<int>(), new List<int>());
        for (var y = (int)geometry.BarTop + 1; y < geometry.Baseline; y++)
        {
            for (var x = (int)geometry.Plot.Left + 1; x < geometry.Plot.Right; x++)
            {
                var pixel = image.Pixel(x, y);
                if (PixelColours.IsRed(pixel))
                {
                    red.Add(x);
                }
                else if (PixelColours.IsGreen(pixel))
                {
                    green.Add(x);
                }
            }
        }

        return (red, green);
    }

    private static int CountPixels(PngImage image, Func<(byte R, byte G, byte B, byte A), bool> predicate, int fromY = 0, int toY = int.MaxValue)
    {
        var count = 0;
        for (var y = fromY; y < Math.Min(toY, image.Height); y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                count += predicate(image.Pixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }
}
