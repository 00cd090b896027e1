using LiqBot.Engine.Formatting;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Rendering;

/// <summary>The liquidation map's axes, legend, zone labels and notes.</summary>
internal static class MapAnnotations
{
    private const int ZonesPerSide = 3;

    public static void Legend(SkiaCanvas canvas, MapGeometry geometry, IReadOnlyList<LeverageTier> tiers, int imageWidth)
    {
        var scale = geometry.Scale;
        var swatch = 11 * scale;
        canvas.SetFont(12 * scale);
        var labels = tiers.Select(t => t.Label).ToList();
        var itemWidths = labels.Select(label => (2 * swatch) + (5 * scale) + canvas.MeasureText(label) + (12 * scale)).ToList();
        const string Cumulative = "cumulative";
        var total = itemWidths.Sum() + (22 * scale) + canvas.MeasureText(Cumulative);
        var x = imageWidth - (18 * scale) - total;
        var baseline = 30 * scale;
        for (var tier = 0; tier < labels.Count; tier++)
        {
            canvas.FillRect(x, baseline - swatch, swatch, swatch, Theme.TierShade(true, tier, labels.Count));
            canvas.FillRect(x + swatch, baseline - swatch, swatch, swatch, Theme.TierShade(false, tier, labels.Count));
            canvas.Text(labels[tier], x + (2 * swatch) + (5 * scale), baseline, Theme.Text);
            x += itemWidths[tier];
        }

        canvas.Line(x, baseline - (7 * scale), x + (8 * scale), baseline - (7 * scale), Theme.LongCurve, 2 * scale);
        canvas.Line(x + (8 * scale), baseline - (7 * scale), x + (16 * scale), baseline - (7 * scale), Theme.ShortCurve, 2 * scale);
        canvas.Text(Cumulative, x + (22 * scale), baseline, Theme.Text);
    }

    public static void Axes(SkiaCanvas canvas, MapPlan plan, double price)
    {
        var geometry = plan.Geometry;
        var plot = geometry.Plot;
        var scale = geometry.Scale;
        canvas.SetFont(11 * scale);

        foreach (var tick in AxisTicks.Between(0, geometry.BarScaleTop, 6, out _))
        {
            var y = geometry.BarY(tick);
            canvas.Line(plot.Left, y, plot.Right, y, Theme.Grid, 1);
            canvas.Text(MoneyFormat.Usd(tick), plot.Left - (6 * scale), y + (4 * scale), Theme.DimText, TextAlign.Right);
        }

        foreach (var tick in AxisTicks.Between(0, geometry.CumulativeTop, 5, out _))
        {
            var y = geometry.CumulativeY(tick);
            canvas.Line(plot.Right, y, plot.Right + (4 * scale), y, Theme.Axis, 1);
            canvas.Text(MoneyFormat.Usd(tick), plot.Right + (7 * scale), y + (4 * scale), Theme.DimText);
        }

        var priceX = geometry.X(price);
        var ticks = AxisTicks.Between(geometry.Low, geometry.High, (int)Math.Max(3, plot.Width / (90 * scale)), out var step);
        var decimals = AxisTicks.ThousandsDecimals(step);
        foreach (var tick in ticks)
        {
            var x = geometry.X(tick);
            canvas.Line(x, plot.Bottom, x, plot.Bottom + (4 * scale), Theme.Axis, 1);
            if (Math.Abs(x - priceX) > 62 * scale)
            {
                canvas.Text(MoneyFormat.Price(tick, decimals), x, plot.Bottom + (16 * scale), Theme.DimText, TextAlign.Center);
            }
        }

        canvas.VerticalText(BarAxisTitle(plan.Bars.BarWidth), 14 * scale, (plot.Top + plot.Bottom) / 2, Theme.DimText);
        canvas.VerticalText("cumulative from price", plot.Right + (70 * scale), (plot.Top + plot.Bottom) / 2, Theme.DimText);
        canvas.Text("price (USD)", plot.Right, plot.Bottom + (42 * scale), Theme.DimText, TextAlign.Right);
    }

    /// <summary>The left axis title: each bar is a price bin (bins merged when the width has too few pixels), not a time bar.</summary>
    public static string BarAxisTitle(double barWidth) => $"estimated liquidations per price bin (${MoneyFormat.PriceExact(barWidth)})";

    public static void ZoneBands(SkiaCanvas canvas, MapGeometry geometry, IReadOnlyList<Zone> zones)
    {
        foreach (var zone in TopZones(zones, geometry))
        {
            var left = geometry.X(Math.Max(zone.Low, geometry.Low));
            var right = geometry.X(Math.Min(zone.High, geometry.High));
            var colour = zone.Side == PositionSide.Long ? Theme.LongCurve : Theme.ShortCurve;
            canvas.FillRect(left, geometry.Plot.Top, Math.Max(2, right - left), geometry.Plot.Height, colour.WithAlpha(0.07));
        }
    }

    /// <summary>Labels the densest zones ("88.0k-89.0k $412M") in rows above the bars, skipping any that would overlap.</summary>
    public static void ZoneLabels(SkiaCanvas canvas, MapGeometry geometry, IReadOnlyList<Zone> zones)
    {
        var scale = geometry.Scale;
        var plot = geometry.Plot;
        var taken = new List<(double Left, double Right)>[geometry.LabelRows];
        for (var row = 0; row < taken.Length; row++)
        {
            taken[row] = [];
        }

        canvas.SetFont(12 * scale, bold: true);
        foreach (var zone in TopZones(zones, geometry).OrderByDescending(z => z.NotionalUsd).ThenBy(z => z.Low))
        {
            var text = $"{MoneyFormat.PriceRange(zone.Low, zone.High)} {MoneyFormat.Usd(zone.NotionalUsd)}";
            var width = canvas.MeasureText(text);
            var centre = Math.Clamp(geometry.X(zone.Mid), plot.Left + (width / 2) + (4 * scale), plot.Right - (width / 2) - (4 * scale));
            var extent = (Left: centre - (width / 2) - (6 * scale), Right: centre + (width / 2) + (6 * scale));
            var row = Array.FindIndex(taken, used => used.TrueForAll(other => extent.Right < other.Left || extent.Left > other.Right));
            if (row < 0)
            {
                continue;
            }

            taken[row].Add(extent);
            var baseline = plot.Top + ((18 + (row * 28)) * scale);
            var colour = zone.Side == PositionSide.Long ? Theme.LongCurve : Theme.ShortCurve;
            canvas.FillRect(extent.Left + (2 * scale), baseline - (14 * scale), extent.Right - extent.Left - (4 * scale), 19 * scale, Theme.PlotBackground.WithAlpha(0.85));
            canvas.Text(text, centre, baseline, Theme.Text, TextAlign.Center);
            var left = geometry.X(Math.Max(zone.Low, geometry.Low));
            var right = geometry.X(Math.Min(zone.High, geometry.High));
            canvas.FillRect(left, baseline + (4 * scale), Math.Max(3 * scale, right - left), 3 * scale, colour);
        }
    }

    public static void Notes(SkiaCanvas canvas, MapPlan plan)
    {
        var geometry = plan.Geometry;
        var scale = geometry.Scale;
        var plot = geometry.Plot;
        if (plan.BarScale.Max <= 0)
        {
            ChartChrome.CentredMessage(canvas, plot, scale, "no estimated liquidations", "nothing opened in this window yet");
            return;
        }

        if (plan.BarScale.IsClipped)
        {
            canvas.SetFont(11 * scale);
            var note = $"bar scale clipped at {MoneyFormat.Usd(plan.BarScale.Top)} (largest bar {MoneyFormat.Usd(plan.BarScale.Max)}, marked in amber)";
            canvas.Text(note, plot.Left, plot.Bottom + (42 * scale), Theme.Warning);
        }
    }

    private static IEnumerable<Zone> TopZones(IReadOnlyList<Zone> zones, MapGeometry geometry) =>
        zones.Where(z => z.NotionalUsd > 0 && z.High > geometry.Low && z.Low < geometry.High)
            .GroupBy(z => z.Side)
            .SelectMany(side => side.OrderByDescending(z => z.NotionalUsd).ThenBy(z => z.Low).Take(ZonesPerSide));
}
