namespace LiqBot.Exchanges;

/// <summary>Rounds times to whole steps (minutes, 5-minute buckets) in UTC.</summary>
internal static class TimeGrid
{
    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    public static DateTimeOffset Floor(DateTimeOffset t, TimeSpan step) => new(t.UtcTicks - (t.UtcTicks % step.Ticks), TimeSpan.Zero);

    public static DateTimeOffset Ceiling(DateTimeOffset t, TimeSpan step) => t.UtcTicks % step.Ticks == 0 ? t : Floor(t, step) + step;
}
