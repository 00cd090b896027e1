using LiqBot.Resilience;

namespace LiqBot.Exchanges;

/// <summary>
/// A sliding-window limiter over a <see cref="TimeProvider"/>: at most N requests per window, plus a
/// pause that stops all requests (after an HTTP 403 IP ban).
/// </summary>
internal sealed class RequestRateLimiter(int limit, TimeSpan window, TimeProvider time) : IDisposable
{
    private readonly SlidingWindowLimit _sent = new(limit, window);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_sent)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                TimeSpan wait;
                lock (_sent)
                {
                    wait = _pausedUntil > now ? _pausedUntil - now : _sent.WaitFor(now);
                    if (wait <= TimeSpan.Zero)
                    {
                        // Counted from the moment it is sent, as Bybit counts it.
                        _sent.Start();
                        _sent.Answered(now);
                        return;
                    }
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
