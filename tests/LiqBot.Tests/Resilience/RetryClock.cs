using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Resilience;

/// <summary>
/// Drives a retry on a fake clock: a wait is measured by advancing to one tick short of it (no new
/// attempt, its timer still armed) and then the last tick (the next attempt comes). No wall clock.
/// </summary>
internal sealed class RetryClock
{
    private int _attempts;

    public TimerCountingTimeProvider Clock { get; } = new(TestClock.Start);

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Call at the top of the retried operation.</summary>
    public void Attempted() => Interlocked.Increment(ref _attempts);

    /// <summary>Asserts that the retry waits exactly <paramref name="expected"/> before its next attempt.</summary>
    public async Task WaitsAsync(TimeSpan expected)
    {
        var before = Attempts;
        await Eventually.UntilAsync(() => Clock.PendingTimers == 1, "the retry waits on the clock");
        Clock.Advance(expected - TimeSpan.FromTicks(1));
        Assert.Equal(before, Attempts);
        Assert.Equal(1, Clock.PendingTimers);
        Clock.Advance(TimeSpan.FromTicks(1));
        await Eventually.UntilAsync(() => Attempts == before + 1, $"the attempt after {expected}");
    }
}
