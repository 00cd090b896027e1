namespace LiqBot.Storage;

/// <summary>
/// The next Telegram update to handle, kept outside the process: a restart (or the standby taking over)
/// starts after the last update handled, even when the kill came before Telegram was told.
/// </summary>
internal interface ITelegramOffsetStore
{
    Task<int?> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves the offset past a handled update and queues its reply in the outbox, both or neither (one
    /// transaction): a kill leaves either the update to handle again with nothing queued, or its reply queued
    /// and the update done. A reply whose dedupe key is already queued for the chat is not queued again.
    /// </summary>
    Task SaveAsync(int offset, IReadOnlyList<OutboxEnvelope> replies, CancellationToken cancellationToken);
}
