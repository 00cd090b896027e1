namespace LiqBot.Tests.Storage;

/// <summary>A clock the test moves by hand; nothing in storage tests waits on real time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);

    public ManualClock()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
