using LiqBot.Engine.Formatting;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Rendering;

/// <summary>
/// Draws the liquidation heatmap as a PNG: time on x, price on y, remaining estimated notional per
/// cell on a viridis scale, the price path on top and realized liquidations as dots sized by USD; spans in
/// which a venue's liquidation stream was down are hatched grey and named under the plot.
/// </summary>
public sealed class HeatmapRenderer
{
    public byte[] Render(HeatmapSnapshot heatmap, RenderSize size)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        RenderSize.Validate(size.Width, size.Height);

        using var canvas = new SkiaCanvas(size.Width, size.Height);
        var scale = Theme.Scale(size);
        var title = $"{heatmap.Symbol} liquidation heatmap · {heatmap.Window.Name}";
        var span = $"{ChartChrome.Utc(heatmap.From)[..16]} → {ChartChrome.Utc(heatmap.To)}";
        var geometry = new HeatmapGeometry(size, heatmap);
        if (heatmap.IsEmpty || !(heatmap.BinSize > 0))
        {
            ChartChrome.Waiting(canvas, geometry.Plot, scale, title, $"{span} · source: {heatmap.Source} · estimated", "the heatmap fills in as bars arrive");
            return canvas.EncodePng();
        }

        var colourScale = HeatmapCells.ColourScale(heatmap, geometry);
        ChartChrome.Header(canvas, scale, title, $"{span} · source: {heatmap.Source} · remaining estimated notional, rows ${MoneyFormat.PriceExact(heatmap.BinSize)}");

        var pixels = canvas.BeginPixelWrite();
        HeatmapCells.Paint(pixels, heatmap, geometry, colourScale.Top);
        HeatmapCells.PaintColourBar(pixels, geometry);
        OutageBands.Paint(pixels, heatmap.Gaps, geometry);
        PaintRealized(pixels, heatmap.Realized, geometry);
        canvas.EndPixelWrite();

        HeatmapAnnotations.Legend(canvas, geometry, size.Width);
        HeatmapAnnotations.Axes(canvas, geometry);
        HeatmapAnnotations.ColourBarLabels(canvas, geometry, colourScale);

        var plot = geometry.Plot;
        canvas.ClipTo(plot.Left, plot.Top, plot.Width, plot.Height);
        DrawPricePath(canvas, heatmap, geometry);
        canvas.ResetClip();

        DrawLastPriceTag(canvas, heatmap.Columns[^1].Close, geometry);
        HeatmapAnnotations.Notes(canvas, geometry, colourScale, heatmap.Gaps);
        ChartChrome.PlotBorder(canvas, plot, scale);
        return canvas.EncodePng();
    }

    /// <summary>Drawn over the dots: the traded high-low range as a faint band, the close as a line with a dark halo to stand out on bright cells.</summary>
    private static void DrawPricePath(SkiaCanvas canvas, HeatmapSnapshot heatmap, HeatmapGeometry geometry)
    {
        var columns = heatmap.Columns;
        var closesX = new double[columns.Count];
        var closesY = new double[columns.Count];
        var bandX = new double[columns.Count * 2];
        var bandY = new double[columns.Count * 2];
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var x = geometry.X(column.Start + ((column.End - column.Start) / 2));
            closesX[i] = x;
            closesY[i] = double.IsFinite(column.Close) ? geometry.Y(column.Close) : double.NaN;
            bandX[i] = x;
            bandY[i] = geometry.Y(double.IsFinite(column.High) ? column.High : column.Close);
            bandX[bandX.Length - 1 - i] = x;
            bandY[bandY.Length - 1 - i] = geometry.Y(double.IsFinite(column.Low) ? column.Low : column.Close);
        }

        if (bandY.All(double.IsFinite))
        {
            canvas.FillPolygon(bandX, bandY, Theme.PriceLine.WithAlpha(0.16));
        }

        canvas.Polyline(closesX, closesY, Theme.Background.WithAlpha(0.7), 3.5 * geometry.Scale);
        canvas.Polyline(closesX, closesY, Theme.PriceLine, 1.6 * geometry.Scale);
    }

    /// <summary>Dots whose area grows with USD (radius by square root), the size scale clipped like the colours; longs over shorts.</summary>
    private static void PaintRealized(PixelBuffer pixels, IReadOnlyList<RealizedLiquidation> realized, HeatmapGeometry geometry)
    {
        var visible = realized
            .Where(r => r.Time >= geometry.From && r.Time <= geometry.To && r.Price >= geometry.PriceLow && r.Price <= geometry.PriceHigh && r.NotionalUsd > 0)
            .ToList();
        var sizeScale = ScaleClip.FromValues(visible.Select(r => r.NotionalUsd).ToArray());
        var minRadius = 1.4 * geometry.Scale;
        var maxRadius = 7 * geometry.Scale;
        foreach (var side in (ReadOnlySpan<PositionSide>)[PositionSide.Short, PositionSide.Long])
        {
            var colour = (side == PositionSide.Long ? Theme.LongDot : Theme.ShortDot).WithAlpha(0.9);
            foreach (var dot in visible)
            {
                if (dot.Side == side)
                {
                    var radius = minRadius + ((maxRadius - minRadius) * Math.Sqrt(Math.Min(1, dot.NotionalUsd / sizeScale.Top)));
                    DotPainter.Disc(pixels, geometry.Plot, geometry.X(dot.Time), geometry.Y(dot.Price), radius, colour, Theme.DotOutline);
                }
            }
        }
    }

    /// <summary>The latest close as a tag on the price axis, as trading charts show it; visible even with one column.</summary>
    private static void DrawLastPriceTag(SkiaCanvas canvas, double close, HeatmapGeometry geometry)
    {
        var y = geometry.Y(close);
        if (!double.IsFinite(close) || y < geometry.Plot.Top || y > geometry.Plot.Bottom)
        {
            return;
        }

        var scale = geometry.Scale;
        canvas.SetFont(11 * scale, bold: true);
        var label = MoneyFormat.PriceExact(close);
        var width = canvas.MeasureText(label) + (10 * scale);
        canvas.FillRect(geometry.Plot.Right + (1 * scale), y - (9 * scale), width, 18 * scale, Theme.PriceTag);
        canvas.Text(label, geometry.Plot.Right + (1 * scale) + (width / 2), y + (4 * scale), Theme.PriceTagText, TextAlign.Center);
    }
}
