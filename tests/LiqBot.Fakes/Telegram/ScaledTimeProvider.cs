using System.Diagnostics;

namespace LiqBot.Fakes.Telegram;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than real time, timers included, so code
/// paced by published rate limits (30 a second, 20 a minute) runs a long fan-out in seconds
/// while its pacing logic sees the real limits. Give the sender and the fake server clocks of
/// the same scale.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _start;

    public ScaledTimeProvider(double scale, DateTimeOffset? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(scale, 0);
        Scale = scale;
        _start = start ?? new DateTimeOffset(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow() => _start + ToScaled(Stopwatch.GetElapsedTime(_origin));

    public override long GetTimestamp() => _origin + (long)((Stopwatch.GetTimestamp() - _origin) * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>How long a span of this clock lasts in real time.</summary>
    public TimeSpan ToReal(TimeSpan scaled) => scaled == Timeout.InfiniteTimeSpan ? scaled : scaled / Scale;

    public TimeSpan ToScaled(TimeSpan real) => real * Scale;
}
