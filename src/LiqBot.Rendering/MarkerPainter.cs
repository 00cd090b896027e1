using LiqBot.Engine.Market;

namespace LiqBot.Rendering;

/// <summary>Draws an overlay's highlighted zone behind the bars and its marked prices over them.</summary>
internal static class MarkerPainter
{
    public static void Highlight(SkiaCanvas canvas, MapGeometry geometry, MapOverlay overlay)
    {
        if (overlay.Highlight is not { } zone)
        {
            return;
        }

        var left = geometry.X(Math.Max(zone.Low, geometry.Low));
        var right = geometry.X(Math.Min(zone.High, geometry.High));
        if (right <= geometry.Plot.Left || left >= geometry.Plot.Right)
        {
            return;
        }

        var colour = zone.Side == PositionSide.Long ? Theme.LongCurve : Theme.ShortCurve;
        canvas.FillRect(left, geometry.Plot.Top, Math.Max(3 * geometry.Scale, right - left), geometry.Plot.Height, colour.WithAlpha(0.22));
    }

    /// <summary>A solid line per marker with its label in a box just under the zone-label rows.</summary>
    public static void Markers(SkiaCanvas canvas, MapGeometry geometry, MapOverlay overlay)
    {
        var scale = geometry.Scale;
        var plot = geometry.Plot;
        canvas.SetFont(12 * scale, bold: true);
        var row = 0;
        foreach (var marker in overlay.Markers.OrderBy(m => m.Price))
        {
            var x = geometry.X(marker.Price);
            if (x < plot.Left || x > plot.Right)
            {
                continue;
            }

            var colour = marker.Danger ? Theme.Warning : Theme.PriceLine;
            canvas.Line(x, plot.Top, x, plot.Bottom, colour, 2 * scale);
            var width = canvas.MeasureText(marker.Label) + (12 * scale);
            var boxLeft = Math.Clamp(x - (width / 2), plot.Left, plot.Right - width);
            var top = geometry.BarTop - ((22 - (row * 24)) * scale);
            canvas.FillRect(boxLeft, top, width, 20 * scale, colour);
            canvas.Text(marker.Label, boxLeft + (width / 2), top + (15 * scale), Theme.PriceTagText, TextAlign.Center);
            row = (row + 1) % 2;
        }
    }
}
