using LiqBot.Engine.Formatting;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Rendering;

/// <summary>
/// Draws the estimated liquidation map as a PNG: price on x, long bars below price in reds, short
/// bars above in greens, stacked by leverage tier, with cumulative curves, the price line and zone labels.
/// </summary>
public sealed class LiquidationMapRenderer
{
    public byte[] Render(BookSnapshot book, IReadOnlyList<Zone> zones, RenderSize size, MapOverlay? overlay = null)
    {
        overlay ??= MapOverlay.None;
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(zones);
        RenderSize.Validate(size.Width, size.Height);

        using var canvas = new SkiaCanvas(size.Width, size.Height);
        var scale = Theme.Scale(size);
        var title = $"{book.Symbol} liquidation map · {book.Window.Name}";
        if (book.IsEmpty || !(book.BinSize > 0))
        {
            var geometry = new MapGeometry(size, 0, 1, 0, 0);
            ChartChrome.Waiting(canvas, geometry.Plot, scale, title, $"{ChartChrome.Utc(book.At)} · source: {book.Source} · estimated", "the map fills in as bars arrive");
            return canvas.EncodePng();
        }

        var plan = MapPlan.Create(book, size, overlay.HalfSpanPct);
        var subtitle = $"{ChartChrome.Utc(book.At)} · source: {book.Source} · estimated notional, bars ${MoneyFormat.PriceExact(plan.Bars.BarWidth)} wide";
        ChartChrome.Header(canvas, scale, title, subtitle);
        MapAnnotations.Legend(canvas, plan.Geometry, book.Tiers, size.Width);
        ChartChrome.PlotFrame(canvas, plan.Geometry.Plot);
        MapAnnotations.Axes(canvas, plan, book.Price);
        MapAnnotations.ZoneBands(canvas, plan.Geometry, zones);
        MarkerPainter.Highlight(canvas, plan.Geometry, overlay);

        var plot = plan.Geometry.Plot;
        canvas.ClipTo(plot.Left, plot.Top, plot.Width, plot.Height);
        MapBarPainter.Paint(canvas, plan);
        DrawCumulative(canvas, plan, book.Price);
        canvas.ResetClip();

        DrawPriceLine(canvas, plan.Geometry, book.Price);
        MarkerPainter.Markers(canvas, plan.Geometry, overlay);
        MapBarPainter.LabelClipped(canvas, plan);
        MapAnnotations.ZoneLabels(canvas, plan.Geometry, zones);
        MapAnnotations.Notes(canvas, plan);
        ChartChrome.PlotBorder(canvas, plot, scale);
        return canvas.EncodePng();
    }

    /// <summary>Running totals from the price outwards: what a move to that level would liquidate in all.</summary>
    private static void DrawCumulative(SkiaCanvas canvas, MapPlan plan, double price)
    {
        var bars = plan.Bars;
        var geometry = plan.Geometry;
        var lineWidth = 2 * geometry.Scale;

        var count = bars.PriceBar + 2;
        Span<double> xs = new double[count];
        Span<double> ys = new double[count];
        var running = 0.0;
        xs[0] = geometry.X(price);
        ys[0] = geometry.Baseline;
        for (var bar = bars.PriceBar; bar >= 0; bar--)
        {
            running += bars.LongTotals[bar];
            var point = bars.PriceBar - bar + 1;
            xs[point] = geometry.X(bars.BarLow(bar));
            ys[point] = geometry.CumulativeY(running);
        }

        if (plan.LongCumulative > 0)
        {
            canvas.Polyline(xs, ys, Theme.LongCurve, lineWidth);
        }

        count = bars.Count - bars.PriceBar + 1;
        xs = new double[count];
        ys = new double[count];
        running = 0.0;
        xs[0] = geometry.X(price);
        ys[0] = geometry.Baseline;
        for (var bar = bars.PriceBar; bar < bars.Count; bar++)
        {
            running += bars.ShortTotals[bar];
            var point = bar - bars.PriceBar + 1;
            xs[point] = geometry.X(bars.BarLow(bar + 1));
            ys[point] = geometry.CumulativeY(running);
        }

        if (plan.ShortCumulative > 0)
        {
            canvas.Polyline(xs, ys, Theme.ShortCurve, lineWidth);
        }
    }

    private static void DrawPriceLine(SkiaCanvas canvas, MapGeometry geometry, double price)
    {
        var scale = geometry.Scale;
        var x = geometry.X(price);
        var plot = geometry.Plot;
        canvas.Line(x, plot.Top, x, plot.Bottom, Theme.PriceLine.WithAlpha(0.85), 1.5 * scale, dash: 6 * scale);

        canvas.SetFont(12 * scale, bold: true);
        var label = MoneyFormat.PriceExact(price);
        var width = canvas.MeasureText(label) + (12 * scale);
        var boxLeft = Math.Clamp(x - (width / 2), 0, (plot.Right + (70 * scale)) - width);
        canvas.FillRect(boxLeft, plot.Bottom + (2 * scale), width, 20 * scale, Theme.PriceTag);
        canvas.Text(label, boxLeft + (width / 2), plot.Bottom + (17 * scale), Theme.PriceTagText, TextAlign.Center);
    }
}
