using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LiqBot.Storage;

/// <summary>Durations as people type them: "90s", "30m", "4h", "1d", "1h30m".</summary>
internal static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value[^1];
            if (!int.TryParse(part.Value.AsSpan(0, part.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || amount > 100_000)
            {
                return false;
            }

            duration += char.ToLowerInvariant(unit) switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        return duration > TimeSpan.Zero;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, duration.Days, 'd');
        Append(text, duration.Hours, 'h');
        Append(text, duration.Minutes, 'm');
        Append(text, duration.Seconds, 's');
        return text.ToString();
    }

    private static void Append(StringBuilder text, int amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    [GeneratedRegex(@"^(?<part>\d{1,6}[dhmsDHMS])+$")]
    private static partial Regex DurationPattern();
}
