namespace LiqBot.Storage;

/// <summary>
/// When a chat's scheduled summary is posted: either a fixed interval ("every 4h") or a Quartz cron
/// expression. Text is the canonical form stored in the database and shown by /config.
/// </summary>
internal sealed record SummarySchedule
{
    private SummarySchedule(string text, TimeSpan? interval, string? cron)
    {
        Text = text;
        Interval = interval;
        CronExpression = cron;
    }

    public string Text { get; }

    public TimeSpan? Interval { get; }

    public string? CronExpression { get; }

    public static SummarySchedule Every(TimeSpan interval) =>
        new($"every {DurationText.Format(interval)}", interval, null);

    public static SummarySchedule Cron(string expression) => new(expression, null, expression);

    public override string ToString() => Text;
}
