using LiqBot.Engine.Formatting;
using LiqBot.Engine.Model;

namespace LiqBot.Rendering;

/// <summary>
/// The spans in which a venue's liquidation stream was down, drawn as grey hatched bands over the whole
/// plot height (the cells stay faintly visible: the estimate goes on, only realized liquidations are
/// missing), and the note that says whose and when. The span before a start is no venue's fault and has
/// no band: a dashed line marks the first connection, left of which no liquidation was received.
/// </summary>
internal static class OutageBands
{
    private const int HatchPeriod = 8;
    private const int HatchWidth = 2;
    private const double ShadeAlpha = 0.55;
    private const double HatchAlpha = 0.8;

    public static void Paint(PixelBuffer pixels, IReadOnlyList<FeedOutage> outages, HeatmapGeometry geometry)
    {
        var minWidth = Math.Max(2, (int)Math.Round(3 * geometry.Scale));
        foreach (var outage in outages)
        {
            if (outage.IsStart)
            {
                PaintStart(pixels, outage, geometry);
                continue;
            }

            var (left, right) = Columns(outage, geometry, minWidth);
            for (var y = geometry.PlotTop; y < geometry.PlotTop + geometry.PlotHeight; y++)
            {
                var row = pixels.Row(y);
                for (var x = left; x < right; x++)
                {
                    var shaded = PixelBlend.Over(row[x], Theme.GapShade, ShadeAlpha);
                    row[x] = (x + y) % HatchPeriod < HatchWidth ? PixelBlend.Over(shaded, Theme.GapHatch, HatchAlpha) : shaded;
                }
            }
        }
    }

    /// <summary>A dashed vertical line at the first connection after a start, when it falls inside the plot.</summary>
    private static void PaintStart(PixelBuffer pixels, FeedOutage start, HeatmapGeometry geometry)
    {
        if (start.To is not { } connected || connected <= geometry.From || connected >= geometry.To)
        {
            return;
        }

        var width = Math.Max(1, (int)Math.Round(2 * geometry.Scale));
        var dash = Math.Max(2, (int)Math.Round(6 * geometry.Scale));
        var left = Math.Clamp((int)Math.Round(geometry.X(connected)) - (width / 2), geometry.PlotLeft, geometry.PlotLeft + geometry.PlotWidth - width);
        for (var y = geometry.PlotTop; y < geometry.PlotTop + geometry.PlotHeight; y++)
        {
            if ((y - geometry.PlotTop) / dash % 2 == 1)
            {
                continue;
            }

            var row = pixels.Row(y);
            for (var x = left; x < left + width; x++)
            {
                row[x] = PixelBlend.Over(row[x], Theme.GapHatch, HatchAlpha);
            }
        }
    }

    /// <summary>The pixel columns [left, right) of an outage, clipped to the plot, at least a few pixels wide so a short one shows on a long window.</summary>
    public static (int Left, int Right) Columns(FeedOutage outage, HeatmapGeometry geometry, int minWidth)
    {
        var plotLeft = geometry.PlotLeft;
        var plotRight = geometry.PlotLeft + geometry.PlotWidth;
        var from = outage.From > geometry.From ? outage.From : geometry.From;
        var to = outage.EndOr(geometry.To) < geometry.To ? outage.EndOr(geometry.To) : geometry.To;
        if (to < from)
        {
            return (0, 0);
        }

        var left = (int)Math.Floor(geometry.X(from));
        var right = (int)Math.Ceiling(geometry.X(to));
        if (right - left < minWidth)
        {
            var centre = (left + right) / 2;
            (left, right) = (centre - (minWidth / 2), centre - (minWidth / 2) + minWidth);
        }

        return (Math.Clamp(left, plotLeft, plotRight), Math.Clamp(right, plotLeft, plotRight));
    }

    /// <summary>"no liquidation data (before the start at 12:00:05 UTC; Binance down 12:04-12:09 UTC; OKX down since 12:20 UTC)", dated on windows over a day.</summary>
    public static string Note(IReadOnlyList<FeedOutage> outages, HeatmapGeometry geometry) =>
        $"no liquidation data ({OutageText.List(outages, venue => $"{venue} down ", withDate: geometry.To - geometry.From > TimeSpan.FromDays(1))})";

    /// <summary>The note under the plot at <paramref name="x"/>, after a hatched swatch; returns its width.</summary>
    public static double DrawNote(SkiaCanvas canvas, IReadOnlyList<FeedOutage> outages, HeatmapGeometry geometry, double x, double baseline)
    {
        var scale = geometry.Scale;
        canvas.SetFont(11 * scale);
        if (outages.All(o => o.IsStart))
        {
            // No band drawn, so no hatched swatch for it either.
            return canvas.Text(Note(outages, geometry), x, baseline, Theme.Text);
        }

        var swatch = 11 * scale;
        var top = baseline - swatch + (1 * scale);
        canvas.FillRect(x, top, swatch, swatch, Theme.GapShade);
        canvas.ClipTo(x, top, swatch, swatch);
        for (var i = -1; i < 3; i++)
        {
            var offset = i * swatch / 3;
            canvas.Line(x + offset, top + swatch, x + offset + swatch, top, Theme.GapHatch, 1.5 * scale);
        }

        canvas.ResetClip();
        return swatch + (5 * scale) + canvas.Text(Note(outages, geometry), x + swatch + (5 * scale), baseline, Theme.Text);
    }
}
