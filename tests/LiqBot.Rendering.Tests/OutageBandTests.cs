using LiqBot.Engine.Model;
using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class OutageBandTests
{
    private readonly HeatmapRenderer renderer = new();

    [Fact]
    public void Render_Outage_HatchesItsSpanGreyOverThePlotAndLeavesTheRestViridis()
    {
        var plain = SyntheticHeatmaps.Realistic(dotsPerColumn: 0);
        var outage = new FeedOutage(plain.From.AddHours(40), plain.From.AddHours(52), "Binance", "pong timeout");
        var heatmap = plain with { Outages = [outage] };
        var geometry = new HeatmapGeometry(RenderSize.Default, heatmap);
        var (left, right) = ((int)geometry.X(outage.From) + 1, (int)geometry.X(outage.To!.Value) - 1);

        var image = PngImage.Decode(renderer.Render(heatmap, RenderSize.Default));
        var before = PngImage.Decode(renderer.Render(plain, RenderSize.Default));

        var band = Sample(image, geometry, left, right);
        Assert.True(band.Grey > band.Total / 6, $"{band.Grey} of {band.Total} band pixels are hatching");
        Assert.True(band.Viridis == 0, $"{band.Viridis} band pixels still show bare viridis cells");
        Assert.True(Sample(before, geometry, left, right).Viridis > band.Total / 2, "without the outage the same pixels are viridis cells");
        Assert.Equal(Sample(before, geometry, right + 20, right + 80), Sample(image, geometry, right + 20, right + 80));
        Assert.True(RowsWithHatching(image, geometry, left, right) > geometry.PlotHeight * 0.9, "the band does not cover the plot's height");
    }

    [Fact]
    public void Render_Outage_NamesTheVenueAndSpanUnderThePlot()
    {
        var plain = SyntheticHeatmaps.Realistic(dotsPerColumn: 0);
        var heatmap = plain with { Outages = [new FeedOutage(plain.From.AddHours(40), plain.From.AddHours(52), "Binance")] };
        var geometry = new HeatmapGeometry(RenderSize.Default, heatmap);
        var noteArea = ((int)geometry.Plot.Left, (int)geometry.Plot.Bottom + 26, 500, 16);

        var with = TextPixels.Count(PngImage.Decode(renderer.Render(heatmap, RenderSize.Default)), noteArea.Item1, noteArea.Item2, noteArea.Item3, noteArea.Item4);
        var without = TextPixels.Count(PngImage.Decode(renderer.Render(plain, RenderSize.Default)), noteArea.Item1, noteArea.Item2, noteArea.Item3, noteArea.Item4);

        Assert.True(with > without + 200, $"no note under the plot ({with} text pixels against {without})");
        Assert.Equal("no liquidation data (Binance down 11-15 20:30-11-16 08:30 UTC)", OutageBands.Note(heatmap.Gaps, geometry));
    }

    [Fact]
    public void Render_StartSpan_DrawsADashedLineAtTheFirstConnection_NoBand()
    {
        var plain = SyntheticHeatmaps.Realistic(dotsPerColumn: 0);
        var start = FeedOutage.BeforeStart(plain.From.AddHours(100), "Bybit");
        var heatmap = plain with { Outages = [start] };
        var geometry = new HeatmapGeometry(RenderSize.Default, heatmap);
        var line = (int)Math.Round(geometry.X(start.To!.Value));

        var image = PngImage.Decode(renderer.Render(heatmap, RenderSize.Default));
        var before = PngImage.Decode(renderer.Render(plain, RenderSize.Default));

        // Left of the line (where nothing was received) and right of it: the cells as without it.
        Assert.Equal(Sample(before, geometry, geometry.PlotLeft + 1, line - 3), Sample(image, geometry, geometry.PlotLeft + 1, line - 3));
        Assert.Equal(Sample(before, geometry, line + 3, line + 80), Sample(image, geometry, line + 3, line + 80));
        var dashed = RowsWithHatching(image, geometry, line - 1, line + 1);
        Assert.True(dashed > geometry.PlotHeight / 3 && dashed < geometry.PlotHeight * 2 / 3, $"{dashed} of {geometry.PlotHeight} rows of the line are grey: not a dashed line");
        var connected = start.To.Value.UtcDateTime.ToString("MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"no liquidation data (before the start at {connected} UTC)", OutageBands.Note(heatmap.Gaps, geometry));
    }

    [Fact]
    public void Note_SeveralVenues_NamesEachWithItsSpans()
    {
        var plain = SyntheticHeatmaps.Realistic(dotsPerColumn: 0);
        var at = new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero);
        var heatmap = plain with { Window = TimeWindow.H12, From = plain.To.AddHours(-12) };
        FeedOutage[] outages = [new(at, at.AddMinutes(5), "Binance"), new(at.AddMinutes(10), null, "OKX"), new(at.AddMinutes(30), at.AddMinutes(31), "Binance")];

        Assert.Equal("no liquidation data (Binance down 01:00-01:05 UTC, 01:30-01:31 UTC; OKX down since 01:10 UTC)", OutageBands.Note(outages, new HeatmapGeometry(RenderSize.Default, heatmap)));
    }

    [Fact]
    public void Render_OneMinuteOutageOnSevenDays_StillShowsAFewPixelsWide()
    {
        var plain = SyntheticHeatmaps.Realistic(dotsPerColumn: 0);
        var outage = new FeedOutage(plain.From.AddHours(80), plain.From.AddHours(80).AddMinutes(1), "OKX");
        var geometry = new HeatmapGeometry(RenderSize.Default, plain);

        var (left, right) = OutageBands.Columns(outage, geometry, minWidth: 3);
        var image = PngImage.Decode(renderer.Render(plain with { Outages = [outage] }, RenderSize.Default));

        Assert.Equal(3, right - left);
        Assert.True(RowsWithHatching(image, geometry, left, right) > geometry.PlotHeight / 4, "a one-minute outage is invisible on seven days");
    }

    private static (int Total, int Grey, int Viridis) Sample(PngImage image, HeatmapGeometry geometry, int left, int right)
    {
        var (total, grey, viridis) = (0, 0, 0);
        for (var y = geometry.PlotTop + 2; y < geometry.PlotTop + geometry.PlotHeight - 2; y += 2)
        {
            for (var x = left; x < right; x++)
            {
                var pixel = image.Pixel(x, y);
                total++;
                grey += PixelColours.IsLightGrey(pixel) ? 1 : 0;
                viridis += ViridisLookup.IndexOf(pixel) >= 0 ? 1 : 0;
            }
        }

        return (total, grey, viridis);
    }

    private static int RowsWithHatching(PngImage image, HeatmapGeometry geometry, int left, int right) =>
        Enumerable.Range(geometry.PlotTop, geometry.PlotHeight).Count(y => Enumerable.Range(left, right - left).Any(x => PixelColours.IsLightGrey(image.Pixel(x, y))));
}
