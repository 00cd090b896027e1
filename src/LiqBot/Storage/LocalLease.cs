namespace LiqBot.Storage;

/// <summary>The lease of a single instance (SQLite is for one process): always held.</summary>
internal sealed class LocalLease : ILeaderLease
{
    public Task<bool> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> IsHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
