using System.Globalization;

namespace LiqBot.Rendering;

/// <summary>UTC time-axis ticks on round steps (5 minutes to a week), labelled "HH:mm" or, at midnight and for day steps, "21 Nov".</summary>
internal static class TimeTicks
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(4), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
    ];

    /// <remarks>A list, not an iterator: compiler-made iterators read Environment, which the engine purity test bans.</remarks>
    public static List<(DateTimeOffset Time, string Label)> Between(DateTimeOffset from, DateTimeOffset to, int maxTicks)
    {
        var span = to - from;
        var fitting = Array.FindIndex(Steps, s => span / s <= Math.Max(1, maxTicks));
        var step = fitting >= 0 ? Steps[fitting] : TimeSpan.FromDays(7 * Math.Ceiling(span.TotalDays / 7 / Math.Max(1, maxTicks)));
        var first = new DateTimeOffset((from.UtcTicks + step.Ticks - 1) / step.Ticks * step.Ticks, TimeSpan.Zero);
        var ticks = new List<(DateTimeOffset Time, string Label)>();
        for (var tick = first; tick <= to; tick += step)
        {
            var utc = tick.UtcDateTime;
            var label = step >= TimeSpan.FromDays(1) || utc.TimeOfDay == TimeSpan.Zero
                ? utc.ToString("d MMM", CultureInfo.InvariantCulture)
                : utc.ToString("HH:mm", CultureInfo.InvariantCulture);
            ticks.Add((tick, label));
        }

        return ticks;
    }
}
