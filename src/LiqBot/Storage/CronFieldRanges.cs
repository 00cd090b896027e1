using System.Text.RegularExpressions;

namespace LiqBot.Storage;

/// <summary>
/// Checks that every number in a cron expression lies in its field's range, which the cron parser
/// does not always do ("0 99 * * *" would otherwise fire every hour). Says which field is wrong.
/// </summary>
internal static partial class CronFieldRanges
{
    private static readonly Field[] Unix =
    [
        new("minute", 0, 59), new("hour", 0, 23), new("day of month", 1, 31), new("month", 1, 12), new("day of week", 0, 7),
    ];

    private static readonly Field[] Quartz =
    [
        new("second", 0, 59), new("minute", 0, 59), new("hour", 0, 23), new("day of month", 1, 31), new("month", 1, 12), new("day of week", 1, 7), new("year", 1970, 2099),
    ];

    /// <summary>Null when every field is in range; else one line naming the field, e.g. "hour 99 is not in 0-23".</summary>
    public static string? Problem(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var layout = fields.Length == 5 ? Unix : Quartz;
        for (var i = 0; i < fields.Length && i < layout.Length; i++)
        {
            var field = layout[i];
            foreach (Match number in Number().Matches(fields[i]))
            {
                var value = int.TryParse(number.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
                var isStep = number.Groups["mark"].Value == "/";
                var isNth = number.Groups["mark"].Value == "#";
                var (min, max) = isStep ? (1, field.Max) : isNth ? (1, 5) : (field.Min, field.Max);
                if (value < min || value > max)
                {
                    var what = isStep ? $"{field.Name} step" : isNth ? $"{field.Name} occurrence" : field.Name;
                    return $"{what} {number.Groups["value"].Value} is not in {min}-{max}";
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<mark>[/#]?)(?<value>\d+)")]
    private static partial Regex Number();

    private sealed record Field(string Name, int Min, int Max);
}
