namespace LiqBot.Fakes.Telegram;

/// <summary>
/// getUpdates as Telegram serves it: updates stay until a call with a higher offset confirms them;
/// a call waits up to its timeout for one to arrive; a newer call ends the older one with 409.
/// </summary>
internal sealed class FakeTelegramUpdateQueue(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly List<(long Id, string Json)> _pending = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _currentPoll;
    private long _nextId = 500_000_001;

    public int Unconfirmed
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public long Enqueue(Func<long, string> updateJson)
    {
        lock (_gate)
        {
            var id = _nextId++;
            _pending.Add((id, updateJson(id)));
            var arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived.TrySetResult();
            return id;
        }
    }

    /// <summary>The updates to answer, or null when a newer getUpdates call took over (409).</summary>
    public async Task<IReadOnlyList<string>?> PollAsync(long? offset, int limit, TimeSpan timeout, CancellationToken aborted)
    {
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        CancellationTokenSource? previous;
        lock (_gate)
        {
            if (offset is > 0)
            {
                _pending.RemoveAll(update => update.Id < offset);
            }

            previous = _currentPoll;
            _currentPoll = mine;
        }

        try
        {
            previous?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That call ended meanwhile.
        }

        var deadline = clock.GetUtcNow() + timeout;
        try
        {
            while (true)
            {
                Task arrived;
                lock (_gate)
                {
                    var due = _pending.Where(update => offset is not > 0 || update.Id >= offset).Take(limit).Select(update => update.Json).ToList();
                    if (due.Count > 0)
                    {
                        return due;
                    }

                    arrived = _arrived.Task;
                }

                var left = deadline - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return [];
                }

                try
                {
                    await Task.WhenAny(arrived, Task.Delay(left, clock, mine.Token));
                    mine.Token.ThrowIfCancellationRequested();
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    return null;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_currentPoll == mine)
                {
                    _currentPoll = null;
                }
            }
        }
    }
}
