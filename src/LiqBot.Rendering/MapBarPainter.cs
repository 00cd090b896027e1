using System.Runtime.InteropServices;
using LiqBot.Engine.Formatting;

namespace LiqBot.Rendering;

/// <summary>The liquidation map's bars: tier segments stacked per bar, one fill per shade, and the clipped ones named.</summary>
internal static class MapBarPainter
{
    public static void Paint(SkiaCanvas canvas, MapPlan plan)
    {
        var bars = plan.Bars;
        var geometry = plan.Geometry;
        var tierCount = bars.LongByTier.Length;
        var segments = new List<double>[2 * tierCount];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = new List<double>(bars.Count * 4);
        }

        var clippedCaps = new List<double>();
        for (var bar = 0; bar < bars.Count; bar++)
        {
            var total = bars.LongTotals[bar] + bars.ShortTotals[bar];
            if (total <= 0)
            {
                continue;
            }

            var left = geometry.X(bars.BarLow(bar));
            var width = geometry.X(bars.BarLow(bar + 1)) - left;
            var gap = width >= 6 ? 1.0 : 0.0;

            // Tier segments keep their proportions when the whole bar is clipped at the scale top.
            var height = geometry.Baseline - geometry.BarY(total);
            var y = geometry.Baseline;
            for (var slot = 0; slot < segments.Length; slot++)
            {
                var byTier = slot < tierCount ? bars.LongByTier : bars.ShortByTier;
                var segment = byTier[slot % tierCount][bar] / total * height;
                if (segment > 0)
                {
                    segments[slot].AddRange([left + gap, y - segment, width - gap, segment]);
                    y -= segment;
                }
            }

            if (plan.BarScale.IsClipped && total > plan.BarScale.Top)
            {
                clippedCaps.AddRange([left + gap, geometry.BarTop - (3 * geometry.Scale), width - gap, 3 * geometry.Scale]);
            }
        }

        // One path per shade: a few fills instead of one per segment.
        for (var slot = 0; slot < segments.Length; slot++)
        {
            canvas.FillRects(CollectionsMarshal.AsSpan(segments[slot]), Theme.TierShade(slot < tierCount, slot % tierCount, tierCount));
        }

        canvas.FillRects(CollectionsMarshal.AsSpan(clippedCaps), Theme.Warning);
    }

    /// <summary>Names the true size of the largest clipped bars, which the scale no longer shows.</summary>
    public static void LabelClipped(SkiaCanvas canvas, MapPlan plan)
    {
        if (!plan.BarScale.IsClipped)
        {
            return;
        }

        var bars = plan.Bars;
        var geometry = plan.Geometry;
        canvas.SetFont(11 * geometry.Scale, bold: true);
        var largest = Enumerable.Range(0, bars.Count)
            .Select(bar => (Bar: bar, Total: bars.LongTotals[bar] + bars.ShortTotals[bar]))
            .Where(b => b.Total > plan.BarScale.Top * 1.5)
            .OrderByDescending(b => b.Total)
            .ThenBy(b => b.Bar)
            .Take(3);
        foreach (var (bar, total) in largest)
        {
            var x = geometry.X(bars.BarLow(bar) + (bars.BarWidth / 2));
            canvas.Text($"▲ {MoneyFormat.Usd(total)}", x, geometry.BarTop - (7 * geometry.Scale), Theme.Warning, TextAlign.Center);
        }
    }
}
