namespace LiqBot.Alerts;

/// <summary>Wakes the dispatchers when something was enqueued, so they need not poll fast.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0);

    public void Notify()
    {
        if (_pending.CurrentCount == 0)
        {
            _pending.Release();
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/> on the given clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _pending.WaitAsync(linked.Token);
        var elapsed = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(signalled, elapsed);
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _pending.Dispose();
}
