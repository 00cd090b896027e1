
namespace LiqBot.Rendering;

/// <summary>The parts both charts share: background, title block, plot frame and the empty state.</summary>
internal static class ChartChrome
{
    /// <summary>Title, and under it the subtitle on one line, or on two closer ones when it is too long for the width (<see cref="SubtitleFit"/>).</summary>
    public static void Header(SkiaCanvas canvas, double scale, string title, string subtitle)
    {
        canvas.Paint(Theme.Background);
        canvas.SetFont(19 * scale, bold: true);
        canvas.Text(title, 18 * scale, 30 * scale, Theme.Title);
        canvas.SetFont(12 * scale);
        var lines = SubtitleFit.Lines(subtitle, canvas.Width - (36 * scale), canvas.MeasureText);
        var baseline = lines.Count == 1 ? 50 * scale : 45 * scale;
        foreach (var line in lines)
        {
            canvas.Text(line, 18 * scale, baseline, Theme.DimText);
            baseline += 13 * scale;
        }
    }

    public static void PlotFrame(SkiaCanvas canvas, PlotArea plot)
    {
        canvas.FillRect(plot.Left, plot.Top, plot.Width, plot.Height, Theme.PlotBackground);
    }

    public static void PlotBorder(SkiaCanvas canvas, PlotArea plot, double scale)
    {
        canvas.StrokeRect(plot.Left, plot.Top, plot.Width, plot.Height, Theme.Axis, Math.Max(1, scale));
    }

    /// <summary>The whole chart before any market data: header, empty plot and "waiting for market data".</summary>
    public static void Waiting(SkiaCanvas canvas, PlotArea plot, double scale, string title, string subtitle, string detail)
    {
        Header(canvas, scale, title, subtitle);
        PlotFrame(canvas, plot);
        CentredMessage(canvas, plot, scale, "waiting for market data", detail);
        PlotBorder(canvas, plot, scale);
    }

    /// <summary>A large centred message inside the plot, e.g. "waiting for market data".</summary>
    public static void CentredMessage(SkiaCanvas canvas, PlotArea plot, double scale, string message, string detail)
    {
        var centreX = plot.Left + (plot.Width / 2);
        var centreY = plot.Top + (plot.Height / 2);
        canvas.SetFont(26 * scale, bold: true);
        canvas.Text(message, centreX, centreY, Theme.Text, TextAlign.Center);
        canvas.SetFont(13 * scale);
        canvas.Text(detail, centreX, centreY + (28 * scale), Theme.DimText, TextAlign.Center);
    }

    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
