using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class HeatmapRendererTests
{
    private readonly HeatmapRenderer renderer = new();

    [Theory]
    [InlineData(640, 360)]
    [InlineData(1280, 720)]
    [InlineData(2560, 1440)]
    public void Render_AnySupportedSize_ProducesPngOfThatSize(int width, int height)
    {
        var image = PngImage.Decode(renderer.Render(SyntheticHeatmaps.Realistic(), new RenderSize(width, height)));

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void Render_ColourBar_IsAVerticalViridisGradientOnTheRight()
    {
        var image = PngImage.Decode(renderer.Render(SyntheticHeatmaps.Realistic(), RenderSize.Default));

        var found = Enumerable.Range(image.Width * 85 / 100, image.Width * 15 / 100).Any(x => IsViridisGradient(image, x));

        Assert.True(found, "no vertical strip running through the viridis scale from bright (top) to dark (bottom)");
    }

    [Fact]
    public void Render_Cells_AreColouredFromTheViridisScale()
    {
        var heatmap = SyntheticHeatmaps.Realistic();
        var image = PngImage.Decode(renderer.Render(heatmap, RenderSize.Default));
        var plot = new HeatmapGeometry(RenderSize.Default, heatmap).Plot;

        var indices = SampleIndices(image, plot);

        Assert.True(indices.Count(i => i >= 0) > indices.Count * 0.6, "most plot pixels should be viridis cells");
        Assert.True(indices.Where(i => i >= 0).Distinct().Count() > 60, "cells should span much of the scale");
    }

    [Fact]
    public void Render_OneCellHugeOutlier_KeepsManyColoursAndSaysClipped()
    {
        var heatmap = SyntheticHeatmaps.WithOutlier(factor: 1000);
        var image = PngImage.Decode(renderer.Render(heatmap, RenderSize.Default));
        var geometry = new HeatmapGeometry(RenderSize.Default, heatmap);

        var distinct = SampleIndices(image, geometry.Plot).Where(i => i >= 0).Distinct().Count();

        Assert.True(HeatmapCells.ColourScale(heatmap, geometry).IsClipped);
        Assert.True(distinct > 60, $"only {distinct} distinct colours: the outlier flattened the scale");
        var amber = 0;
        for (var y = (int)geometry.Plot.Bottom + 1; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                amber += PixelColours.IsAmber(image.Pixel(x, y)) ? 1 : 0;
            }
        }

        Assert.True(amber > 100, "no 'colour scale clipped' note under the plot");
    }

    [Fact]
    public void Render_RealizedDots_LongsRedAndShortsGreen()
    {
        var heatmap = SyntheticHeatmaps.Realistic(dotsPerColumn: 0);
        var geometry = new HeatmapGeometry(RenderSize.Default, heatmap);
        var low = geometry.PriceLow + ((geometry.PriceHigh - geometry.PriceLow) * 0.04);
        var longAt = (Time: heatmap.From.AddHours(20), Price: low);
        var shortAt = (Time: heatmap.From.AddHours(100), Price: low);
        heatmap = heatmap with
        {
            Realized =
            [
                new RealizedLiquidation(longAt.Time, PositionSide.Long, longAt.Price, 5e6),
                new RealizedLiquidation(shortAt.Time, PositionSide.Short, shortAt.Price, 5e6),
            ],
        };

        var image = PngImage.Decode(renderer.Render(heatmap, RenderSize.Default));

        Assert.True(PixelColours.IsRed(image.Pixel((int)geometry.X(longAt.Time), (int)geometry.Y(longAt.Price))), "long liquidation dot is not red");
        Assert.True(PixelColours.IsGreen(image.Pixel((int)geometry.X(shortAt.Time), (int)geometry.Y(shortAt.Price))), "short liquidation dot is not green");
    }

    [Fact]
    public void Render_OneColumnOneRow_Renders()
    {
        var to = SyntheticHeatmaps.To;
        var column = new HeatmapColumn(to.AddMinutes(-5), to, 91_300, 91_100, 91_200, [4e6f]);
        var heatmap = new HeatmapSnapshot("BTCUSDT", TimeWindow.H12, to.AddHours(-12), to, 91_000, 100, 1, [column], [], "synthetic");

        var image = PngImage.Decode(renderer.Render(heatmap, RenderSize.Default));

        Assert.Equal((1280, 720), (image.Width, image.Height));
    }

    [Fact]
    public void Render_EmptyHeatmap_SaysWaiting()
    {
        var image = PngImage.Decode(renderer.Render(SyntheticHeatmaps.Empty(), RenderSize.Default));

        Assert.Equal((1280, 720), (image.Width, image.Height));
        var bright = 0;
        for (var y = 300; y < 420; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                bright += PixelColours.Brightness(image.Pixel(x, y)) > 0.6 ? 1 : 0;
            }
        }

        Assert.True(bright > 500, "no centred 'waiting for market data' message");
    }

    [Fact]
    public void Render_SameInput_SameBytes()
    {
        var heatmap = SyntheticHeatmaps.Realistic();

        Assert.Equal(renderer.Render(heatmap, RenderSize.Default), renderer.Render(heatmap, RenderSize.Default));
    }

    [Fact]
    public void Render_TitleAndAxes_AreDrawnAsText()
    {
        var image = PngImage.Decode(renderer.Render(SyntheticHeatmaps.Realistic(), RenderSize.Default));
        var geometry = new HeatmapGeometry(RenderSize.Default, SyntheticHeatmaps.Realistic());

        Assert.True(TextPixels.Count(image, 18, 8, 300, 34) > 300, "no title: the font did not draw");
        Assert.True(TextPixels.Count(image, (int)geometry.Plot.Right + 6, (int)geometry.Plot.Top, 60, (int)geometry.Plot.Height) > 200, "no price labels on the axis");
    }

    [Fact]
    public void Render_SizeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => renderer.Render(SyntheticHeatmaps.Realistic(), default));
    }

    private static List<int> SampleIndices(PngImage image, PlotArea plot)
    {
        var indices = new List<int>();
        for (var y = (int)plot.Top + 2; y < plot.Bottom - 2; y += 3)
        {
            for (var x = (int)plot.Left + 2; x < plot.Right - 2; x += 3)
            {
                indices.Add(ViridisLookup.IndexOf(image.Pixel(x, y)));
            }
        }

        return indices;
    }

    /// <summary>A run of at least 150 rows whose colours walk the table down from bright to dark through 100+ entries.</summary>
    private static bool IsViridisGradient(PngImage image, int x)
    {
        var run = new List<int>();
        for (var y = 0; y <= image.Height; y++)
        {
            var index = y < image.Height ? ViridisLookup.IndexOf(image.Pixel(x, y)) : -1;
            if (index >= 0 && (run.Count == 0 || index <= run[^1]))
            {
                run.Add(index);
                continue;
            }

            if (run.Count >= 150 && run[0] - run[^1] > 200 && run.Distinct().Count() > 100)
            {
                return true;
            }

            run.Clear();
            if (index >= 0)
            {
                run.Add(index);
            }
        }

        return false;
    }
}
