namespace LiqBot.Chat.Discord;

/// <summary>
/// One per-route bucket as the headers describe it. Requests on a bucket go one at a time (the
/// gate), so what the last response said about Remaining is exact and no request is sent into a
/// known-exhausted bucket: when Remaining is 0 the next one waits for the reset.
/// </summary>
internal sealed class RateLimitBucket(TimeProvider time)
{
    /// <summary>Reset-After comes rounded to the millisecond and timers may fire a millisecond early: wait a little past it.</summary>
    private static readonly TimeSpan ResetCushion = TimeSpan.FromMilliseconds(20);

    private int? _remaining;
    private DateTimeOffset _resetAt;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string? Id { get; set; }

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>How long until a request may go; zero unless the bucket is known to be spent.</summary>
    public TimeSpan Wait
    {
        get
        {
            var now = time.GetUtcNow();
            return _remaining == 0 && _resetAt > now ? _resetAt - now : TimeSpan.Zero;
        }
    }

    public async Task WaitAvailableAsync(CancellationToken cancellationToken)
    {
        for (var wait = Wait; wait > TimeSpan.Zero; wait = Wait)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        LastUsed = time.GetUtcNow();
        if (_resetAt <= LastUsed)
        {
            _remaining = null;
        }
    }

    public void Update(int remaining, TimeSpan resetAfter)
    {
        _remaining = remaining;
        _resetAt = time.GetUtcNow() + resetAfter + ResetCushion;
    }

    public void Exhaust(TimeSpan retryAfter) => Update(0, retryAfter);
}
