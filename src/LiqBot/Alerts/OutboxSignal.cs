using System.Collections.Concurrent;

namespace LiqBot.Alerts;

/// <summary>
/// Wakes the dispatchers when something was enqueued, so they need not poll fast. Every listener (one per platform's
/// loop) gets each notification, and keeps one that came while it was not waiting.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _listeners = new(StringComparer.Ordinal);

    public void Notify()
    {
        foreach (var pending in _listeners.Values)
        {
            if (pending.CurrentCount == 0)
            {
                pending.Release();
            }
        }
    }

    /// <summary>
    /// Returns true when notified, false after <paramref name="timeout"/> on the given clock. A wait cancelled after it
    /// took the notification still returns true, so the caller knows not to wait for it again.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, string listener = "")
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _listeners.GetOrAdd(listener, _ => new SemaphoreSlim(0)).WaitAsync(linked.Token);
        var elapsed = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(signalled, elapsed);
        await linked.CancelAsync();
        try
        {
            await signalled;
            return true;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var pending in _listeners.Values)
        {
            pending.Dispose();
        }
    }
}
