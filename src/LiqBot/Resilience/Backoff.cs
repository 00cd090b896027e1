namespace LiqBot.Resilience;

/// <summary>
/// The one retry back-off of every exchange and chat client: exponential with "equal jitter".
/// Retry n (0 for the first) waits between half and all of min(max, base * 2^n): the fixed half
/// keeps a failing peer from being hammered, the random half spreads instances apart.
/// Randomness is passed in, so tests can pin it.
/// </summary>
internal static class Backoff
{
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(retry, 0, 30)));
        // Whole milliseconds: timers have no finer resolution.
        return TimeSpan.FromMilliseconds(Math.Round(ceiling * (0.5 + (0.5 * random.NextDouble()))));
    }
}
