using LiqBot.Engine.Formatting;
using LiqBot.Engine.Model;

namespace LiqBot.Rendering;

/// <summary>The heatmap's axes, colour-bar labels, legend and notes.</summary>
internal static class HeatmapAnnotations
{
    public static void Axes(SkiaCanvas canvas, HeatmapGeometry geometry)
    {
        var plot = geometry.Plot;
        var scale = geometry.Scale;
        canvas.SetFont(11 * scale);

        var ticks = AxisTicks.Between(geometry.PriceLow, geometry.PriceHigh, (int)Math.Max(3, plot.Height / (48 * scale)), out var step);
        var decimals = AxisTicks.ThousandsDecimals(step);
        foreach (var tick in ticks)
        {
            var y = geometry.Y(tick);
            canvas.Line(plot.Right, y, plot.Right + (4 * scale), y, Theme.Axis, 1);
            canvas.Text(MoneyFormat.Price(tick, decimals), plot.Right + (7 * scale), y + (4 * scale), Theme.DimText);
        }

        var maxTimeTicks = (int)Math.Max(2, plot.Width / (100 * scale));
        foreach (var (time, label) in TimeTicks.Between(geometry.From, geometry.To, maxTimeTicks))
        {
            var x = geometry.X(time);
            canvas.Line(x, plot.Bottom, x, plot.Bottom + (4 * scale), Theme.Axis, 1);
            canvas.Text(label, x, plot.Bottom + (17 * scale), Theme.DimText, TextAlign.Center);
        }

        canvas.Text("time (UTC)", plot.Right, plot.Bottom + (38 * scale), Theme.DimText, TextAlign.Right);
    }

    public static void ColourBarLabels(SkiaCanvas canvas, HeatmapGeometry geometry, ScaleClip colourScale)
    {
        var scale = geometry.Scale;
        var top = geometry.ColourBarTop;
        var bottom = geometry.Plot.Bottom;
        var labelX = geometry.ColourBarLeft + geometry.ColourBarWidth + (4 * scale);
        canvas.SetFont(11 * scale);
        canvas.Text("per cell", geometry.ColourBarLeft + (geometry.ColourBarWidth / 2), top - (8 * scale), Theme.DimText, TextAlign.Center);
        if (colourScale.Top <= 0)
        {
            canvas.Text("$0", labelX, bottom, Theme.DimText);
            return;
        }

        foreach (var tick in AxisTicks.Between(0, colourScale.Top, 5, out _))
        {
            var y = bottom - (tick / colourScale.Top * (bottom - top));
            canvas.Text(MoneyFormat.Usd(tick), labelX, y + (4 * scale), Theme.DimText);
        }
    }

    public static void Legend(SkiaCanvas canvas, HeatmapGeometry geometry, int imageWidth)
    {
        var scale = geometry.Scale;
        var baseline = 30 * scale;
        var radius = 5 * scale;
        canvas.SetFont(12 * scale);
        (string Label, Rgba Colour)[] items = [("long liquidated", Theme.LongDot), ("short liquidated", Theme.ShortDot)];
        const string PriceLabel = "price";
        var width = items.Sum(i => (2 * radius) + (6 * scale) + canvas.MeasureText(i.Label) + (14 * scale)) + (22 * scale) + canvas.MeasureText(PriceLabel);
        var x = imageWidth - (18 * scale) - width;
        foreach (var (label, colour) in items)
        {
            canvas.Circles([x + radius], [baseline - (4 * scale)], [radius], colour, Theme.DotOutline, scale);
            x += (2 * radius) + (6 * scale);
            x += canvas.Text(label, x, baseline, Theme.Text) + (14 * scale);
        }

        canvas.Line(x, baseline - (4 * scale), x + (16 * scale), baseline - (4 * scale), Theme.PriceLine, 2 * scale);
        canvas.Text(PriceLabel, x + (22 * scale), baseline, Theme.Text);
    }

    /// <summary>Under the plot: whose liquidation data is missing when (first), and whether the colour scale is clipped.</summary>
    public static void Notes(SkiaCanvas canvas, HeatmapGeometry geometry, ScaleClip colourScale, IReadOnlyList<FeedOutage> outages)
    {
        var scale = geometry.Scale;
        var plot = geometry.Plot;
        var x = plot.Left;
        var baseline = plot.Bottom + (38 * scale);
        if (outages.Count > 0)
        {
            x += OutageBands.DrawNote(canvas, outages, geometry, x, baseline) + (16 * scale);
        }

        if (colourScale.Max <= 0)
        {
            ChartChrome.CentredMessage(canvas, plot, scale, "no estimated liquidations", "nothing left open in this window yet");
            return;
        }

        if (colourScale.IsClipped)
        {
            canvas.SetFont(11 * scale);
            var note = $"colour scale clipped at {MoneyFormat.Usd(colourScale.Top)} per cell (largest {MoneyFormat.Usd(colourScale.Max)})";
            canvas.Text(note, x, baseline, Theme.Warning);
        }
    }
}
