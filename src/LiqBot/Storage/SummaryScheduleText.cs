using System.Diagnostics.CodeAnalysis;
using Quartz;

namespace LiqBot.Storage;

/// <summary>
/// Parses the summary setting: "off", "every 4h", or a cron expression in UTC, either the common
/// five fields ("0 8 * * 1-5") or Quartz's six or seven ("0 0 8 ? * MON-FRI"), stored in Quartz form.
/// </summary>
internal static class SummaryScheduleText
{
    public const string Off = "off";

    // A fixed Monday midnight: cron spacing is checked on the same calendar every time.
    private static readonly DateTimeOffset SpacingProbeStart = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private const int SpacingProbeFirings = 64;

    /// <summary>Parses user input; <paramref name="schedule"/> is null when summaries are off.</summary>
    public static bool TryParse(string? text, out SummarySchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        error = null;
        var value = (text ?? string.Empty).Trim();
        if (value.Equals(Off, StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var range = ChatSettingKeys.SummaryIntervalRange;
        if (value.StartsWith("every ", StringComparison.OrdinalIgnoreCase))
        {
            if (DurationText.TryParse(value["every ".Length..], out var interval) && range.Contains(interval))
            {
                schedule = SummarySchedule.Every(interval);
                return true;
            }

            error = $"summary interval must be from {DurationText.Format(range.Min)} to {DurationText.Format(range.Max)}, e.g. 'every 4h'.";
            return false;
        }

        if (CronFieldRanges.Problem(value) is { } outOfRange)
        {
            error = $"summary cron: {outOfRange} (UTC; e.g. '0 8 * * *' is every day at 08:00).";
            return false;
        }

        var fieldCount = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fieldCount == 5 ? CronFormat.Unix : CronFormat.Quartz;
        if (!CronExpression.TryParse(value, format, out var parsed))
        {
            error = $"summary must be 'off', 'every <duration>' ({DurationText.Format(range.Min)} to {DurationText.Format(range.Max)}), "
                + "or a cron expression in UTC such as '0 8 * * *'.";
            return false;
        }

        var cron = parsed.WithTimeZone(TimeZoneInfo.Utc);
        var shortestGap = ShortestGap(cron);
        if (shortestGap is null || shortestGap < range.Min)
        {
            error = $"summary cron must fire at least once and at most every {DurationText.Format(range.Min)}.";
            return false;
        }

        schedule = SummarySchedule.Cron(cron.CronExpressionString);
        return true;
    }

    /// <summary>
    /// Reads back a value written by <see cref="SummarySchedule.Text"/>. A value that no longer parses
    /// (a range tightened since) reads as off rather than making the chat's settings unreadable.
    /// </summary>
    public static SummarySchedule? FromStored(string? stored) =>
        stored is not null && TryParse(stored, out var schedule, out _) ? schedule : null;

    private static TimeSpan? ShortestGap(CronExpression expression)
    {
        var previous = expression.GetNextValidTimeAfter(SpacingProbeStart);
        if (previous is null)
        {
            return null;
        }

        var shortest = TimeSpan.MaxValue;
        for (var i = 0; i < SpacingProbeFirings; i++)
        {
            var next = expression.GetNextValidTimeAfter(previous.Value);
            if (next is null)
            {
                break;
            }

            shortest = next.Value - previous.Value < shortest ? next.Value - previous.Value : shortest;
            previous = next;
        }

        return shortest;
    }
}
