namespace LiqBot.Storage;

/// <summary>
/// One holder at a time among the instances sharing a store, for work only one may do (the
/// Telegram poller: one getUpdates consumer per token). A holder that dies loses the lease.
/// </summary>
internal interface ILeaderLease : IAsyncDisposable
{
    /// <summary>True when this instance holds (or just took) the lease; false while another does.</summary>
    Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>True while the lease is still held (the holding session is alive).</summary>
    Task<bool> IsHeldAsync(CancellationToken cancellationToken);
}
