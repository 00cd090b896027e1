namespace LiqBot.Resilience;

/// <summary>
/// At most Limit sends in any Window. A send holds its place from the moment it starts until one
/// window after its answer came back: the server counted it somewhere in between, so however the
/// network delays or reorders requests, the server never sees more than Limit in a window.
/// Not thread-safe: its owner (the Telegram limiter, the Bybit request limiter) guards it.
/// </summary>
internal sealed class SlidingWindowLimit(int limit, TimeSpan window)
{
    // Answer times, oldest first: the clock does not go back, so appending keeps them sorted.
    private readonly Queue<DateTimeOffset> _answered = new();
    private int _inFlight;

    public bool IsIdle(DateTimeOffset now)
    {
        Expire(now);
        return _inFlight == 0 && _answered.Count == 0;
    }

    /// <summary>Zero when a send may start now; else how long until one may (<see cref="TimeSpan.MaxValue"/>: when a send in flight answers).</summary>
    public TimeSpan WaitFor(DateTimeOffset now)
    {
        Expire(now);
        var over = _inFlight + _answered.Count - limit;
        if (over < 0)
        {
            return TimeSpan.Zero;
        }

        // The (over+1)-th oldest answer has to leave the window; in-flight sends have no answer time yet.
        return over < _answered.Count ? _answered.ElementAt(over) + window - now : TimeSpan.MaxValue;
    }

    public void Start() => _inFlight++;

    /// <summary>
    /// Counts sends another process (or this one, before it restarted) made, answered at <paramref name="answeredTimes"/>
    /// (oldest first). Taken only if they fill more of the window than the answers known here, so seeding again
    /// with the same history, which includes this process's own recorded sends, never counts a send twice.
    /// </summary>
    public void Seed(IReadOnlyList<DateTimeOffset> answeredTimes, DateTimeOffset now)
    {
        Expire(now);
        var inWindow = answeredTimes.Where(at => at + window > now).ToList();
        if (inWindow.Count <= _answered.Count)
        {
            return;
        }

        _answered.Clear();
        foreach (var at in inWindow)
        {
            _answered.Enqueue(at);
        }
    }

    public void Answered(DateTimeOffset now)
    {
        _inFlight--;
        _answered.Enqueue(now);
    }

    private void Expire(DateTimeOffset now)
    {
        while (_answered.Count > 0 && _answered.Peek() + window <= now)
        {
            _answered.Dequeue();
        }
    }
}
