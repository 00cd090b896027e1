namespace LiqBot.Benchmarks.Telegram;

/// <summary>A clock the benchmark moves by hand, so measuring the scheduler never waits on real time.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
