namespace LiqBot.Chat.Discord;

/// <summary>
/// The bot-wide limit (50 requests a second). Discord counts a request when it arrives, which is
/// some time between our sending it and our reading its response; so a request counts here from
/// when it is sent until one second (plus a margin) after its response came back. Then no latency
/// (a cold TLS handshake, a paused process) can bunch more than the limit into Discord's second.
/// A global 429 blocks every request for its retry_after and doubles the margin (up to a second).
/// </summary>
internal sealed class GlobalRateLimit(int perSecond, TimeSpan margin, TimeProvider time)
{
    private static readonly TimeSpan MaxMargin = TimeSpan.FromSeconds(1);
    private readonly List<Slot> _slots = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _margin = margin;
    private DateTimeOffset _blockedUntil;

    /// <summary>The window the limit is counted over: one second plus the current margin.</summary>
    public TimeSpan Window
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromSeconds(1) + _margin;
            }
        }
    }

    /// <summary>Waits for a free slot; the caller completes it when the response is in.</summary>
    public async Task<Slot> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan? wait;
            Task released;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                var window = TimeSpan.FromSeconds(1) + _margin;
                _slots.RemoveAll(slot => slot.CompletedAt is { } done && done <= now - window);
                released = _released.Task;
                if (_blockedUntil > now)
                {
                    wait = _blockedUntil - now;
                }
                else if (_slots.Count < perSecond)
                {
                    var slot = new Slot(this);
                    _slots.Add(slot);
                    return slot;
                }
                else
                {
                    // Full: the first completed slot to leave the window frees one, or an in-flight one completing.
                    var earliest = _slots.Where(s => s.CompletedAt is not null).Select(s => s.CompletedAt!.Value).DefaultIfEmpty().Min();
                    wait = earliest == default ? null : earliest + window - now;
                }
            }

            if (wait is { } delay)
            {
                await Task.WhenAny(released, Task.Delay(delay, time, cancellationToken));
            }
            else
            {
                await released.WaitAsync(cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_blockedUntil <= now)
            {
                // Once per 429 event: the other requests in flight that meet the same block do not widen it again.
                _margin = TimeSpan.FromTicks(Math.Min(MaxMargin.Ticks, Math.Max(TimeSpan.FromMilliseconds(50).Ticks, _margin.Ticks * 2)));
            }

            var until = now + retryAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private void Complete(Slot slot)
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            slot.CompletedAt = time.GetUtcNow();
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    /// <summary>One request's place in the window.</summary>
    internal sealed class Slot(GlobalRateLimit owner)
    {
        public DateTimeOffset? CompletedAt { get; set; }

        /// <summary>The response is in (or the request failed): the slot leaves the window one window from now.</summary>
        public void Complete()
        {
            if (CompletedAt is null)
            {
                owner.Complete(this);
            }
        }
    }
}
