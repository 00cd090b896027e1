using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

/// <summary>The heatmap's subtitle with every venue's coverage, as `/heatmap` sends it, on the smallest image (640x360).</summary>
public sealed class SubtitleFitTests
{
    private const string Coverage = "Binance+Bybit+OKX · realized liquidations: Binance sampled (at most 1/s per symbol), Bybit complete, OKX partial";
    private static readonly RenderSize Small = new(640, 360);

    [Fact]
    public void Render_LongSubtitleAt640x360_StaysInsideTheImage_OnTwoLines()
    {
        var heatmap = SyntheticHeatmaps.Realistic(dotsPerColumn: 0) with { Source = Coverage };
        var image = PngImage.Decode(new HeatmapRenderer().Render(heatmap, Small));
        var scale = 0.72; // Theme.Scale at 640x360
        var margin = (int)Math.Ceiling(18 * scale);
        var (top, bottom) = ((int)(36 * scale), (int)(68 * scale) - 1); // under the title and legend, above the plot

        Assert.Equal(0, TextPixels.Count(image, image.Width - margin + 1, top, margin - 1, bottom - top));
        Assert.True(TextPixels.Count(image, margin, (int)(48 * scale), image.Width / 2, (int)(12 * scale)) > 100, "no second subtitle line");
    }

    [Fact]
    public void Lines_TooLongForOneLine_PackPartsOnTwo_EachWithinTheWidth_EstimatedKept()
    {
        using var canvas = new SkiaCanvas(Small.Width, Small.Height);
        canvas.SetFont(12 * 0.72);
        var maxWidth = Small.Width - (36 * 0.72);
        var subtitle = $"2026-11-14 04:30 → 2026-11-21 04:30 UTC · source: {Coverage} · remaining estimated notional, rows $10";

        var lines = SubtitleFit.Lines(subtitle, maxWidth, canvas.MeasureText);

        Assert.True(canvas.MeasureText(subtitle) > maxWidth, "the subtitle fits anyway: the test proves nothing");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(canvas.MeasureText(l) <= maxWidth, $"'{l}' is {canvas.MeasureText(l):0} px of {maxWidth:0}"));
        Assert.EndsWith("remaining estimated notional, rows $10", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_TooLongForTwoLines_ShortenTheLongestPartWithAnEllipsis()
    {
        Func<string, double> measure = s => s.Length; // one unit a character
        var lines = SubtitleFit.Lines("a short part · a much much much longer part with many words in it · estimated", 30, measure);

        Assert.Equal(["a short part", "a much much much… · estimated"], lines);
    }

    [Fact]
    public void Lines_ThatFit_AreOneLineUnchanged() =>
        Assert.Equal(["source: Bybit · estimated"], SubtitleFit.Lines("source: Bybit · estimated", 100, s => s.Length));
}
