namespace LiqBot.Rendering;

/// <summary>
/// Fits a chart's subtitle, parts joined by " · ", into the image width: one line when it fits, else its parts
/// packed on two lines, and when even that is too long the longest part is shortened word by word with "…".
/// The last part (which says the figures are estimated) is never shortened while another part is longer.
/// </summary>
internal static class SubtitleFit
{
    public const string Separator = " · ";
    private const int MaxLines = 2;
    private const string Ellipsis = "…";

    public static List<string> Lines(string subtitle, double maxWidth, Func<string, double> measure)
    {
        if (measure(subtitle) <= maxWidth)
        {
            return [subtitle];
        }

        var parts = subtitle.Split(Separator).ToList();
        while (true)
        {
            var lines = Pack(parts, maxWidth, measure);
            if (lines.Count <= MaxLines && lines.All(l => measure(l) <= maxWidth))
            {
                return lines;
            }

            var longest = parts.IndexOf(parts.MaxBy(measure)!);
            var words = parts[longest].TrimEnd('…').Split(' ');
            if (words.Length <= 1)
            {
                return lines.Take(MaxLines).ToList(); // a part of one word too wide for the image: nothing more to cut
            }

            parts[longest] = string.Join(' ', words[..^1]).TrimEnd(',', ';', ':') + Ellipsis;
        }
    }

    /// <summary>Parts in order, as many on a line as fit; a part wider than a line gets a line of its own.</summary>
    private static List<string> Pack(List<string> parts, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var part in parts)
        {
            var joined = line.Length == 0 ? part : line + Separator + part;
            if (line.Length > 0 && measure(joined) > maxWidth)
            {
                lines.Add(line);
                line = part;
            }
            else
            {
                line = joined;
            }
        }

        lines.Add(line);
        return lines;
    }
}
