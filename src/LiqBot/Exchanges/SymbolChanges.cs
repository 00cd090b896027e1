namespace LiqBot.Exchanges;

/// <summary>
/// Symbols to add to or drop from a running venue, queued from any thread and applied by the venue's next
/// session when it starts (only the session's own thread touches the gates). A pending change completes
/// <see cref="Signal"/>, so the running session ends itself (planned, gap-free) and the next one applies it.
/// A drop and a later add of one symbol both apply, in that order: the symbol comes back fresh and warms up again.
/// </summary>
internal sealed class SymbolChanges
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TaskCompletionSource<DateTimeOffset?>> _adds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<DateTimeOffset?>> _warming = new(StringComparer.Ordinal);
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
    private TaskCompletionSource _signal = NewSignal();
    private volatile bool _pending;

    public SymbolChanges(IEnumerable<SymbolGate> gates) => _followed.UnionWith(gates.Select(g => g.Symbol));

    /// <summary>True while a change waits for the next session.</summary>
    public bool Pending => _pending;

    /// <summary>Completes when a change is queued.</summary>
    public Task Signal
    {
        get
        {
            lock (_lock)
            {
                return _signal.Task;
            }
        }
    }

    public Task<DateTimeOffset?> Add(string symbol)
    {
        lock (_lock)
        {
            if (_adds.TryGetValue(symbol, out var queued))
            {
                return queued.Task;
            }

            if (_followed.Contains(symbol) && !_drops.Contains(symbol))
            {
                return Task.FromResult<DateTimeOffset?>(null);
            }

            var added = new TaskCompletionSource<DateTimeOffset?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _adds[symbol] = added;
            Raise();
            return added.Task;
        }
    }

    public void Drop(string symbol)
    {
        lock (_lock)
        {
            if (_adds.Remove(symbol, out var queued))
            {
                queued.TrySetCanceled();
            }

            if (_warming.Remove(symbol, out var warming))
            {
                warming.TrySetCanceled();
            }

            if (_followed.Contains(symbol) && _drops.Add(symbol))
            {
                Raise();
            }
        }
    }

    /// <summary>Applies what is queued to <paramref name="gates"/> (called by a session as it starts).</summary>
    public void Apply(List<SymbolGate> gates, TimeSpan reorderWindow)
    {
        lock (_lock)
        {
            if (!_pending)
            {
                return;
            }

            gates.RemoveAll(g => _drops.Contains(g.Symbol));
            _followed.ExceptWith(_drops);
            _drops.Clear();
            foreach (var (symbol, added) in _adds)
            {
                gates.RemoveAll(g => g.Symbol == symbol);
                gates.Add(new SymbolGate(symbol, reorderWindow));
                _followed.Add(symbol);
                _warming[symbol] = added;
            }

            _adds.Clear();
            _pending = false;
            _signal = NewSignal();
        }
    }

    /// <summary>A gate's catch-up was handed on: a warm-up waiting for it completes with its last bar's close.</summary>
    public void CaughtUp(SymbolGate gate)
    {
        lock (_lock)
        {
            if (_warming.Remove(gate.Symbol, out var warming))
            {
                warming.TrySetResult(gate.LastBarClose);
            }
        }
    }

    private void Raise()
    {
        _pending = true;
        _signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
