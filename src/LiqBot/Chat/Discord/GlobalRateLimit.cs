namespace LiqBot.Chat.Discord;

/// <summary>
/// The bot-wide limit (50 requests a second): a sliding log of send times over one second plus a
/// margin, because the server counts arrivals and arrivals jitter. A global 429 blocks every
/// request until its retry_after has passed.
/// </summary>
internal sealed class GlobalRateLimit(int perSecond, TimeSpan margin, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();
    private readonly TimeSpan _window = TimeSpan.FromSeconds(1) + margin;
    private DateTimeOffset _blockedUntil;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() <= now - _window)
                {
                    _sent.Dequeue();
                }

                if (_blockedUntil > now)
                {
                    wait = _blockedUntil - now;
                }
                else if (_sent.Count < perSecond)
                {
                    _sent.Enqueue(now);
                    return;
                }
                else
                {
                    wait = _sent.Peek() + _window - now;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }
}
