using LiqBot.Storage;

namespace LiqBot.Operations;

/// <summary>
/// The outbox's pending count as of the last refresh: counting asks the store, which an instrument's
/// synchronous callback must not do, so /metrics refreshes it just before each scrape.
/// </summary>
internal sealed class OutboxPendingCount(IOutbox outbox)
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _value, await outbox.CountPendingAsync(null, cancellationToken));
}
