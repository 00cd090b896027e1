namespace LiqBot.Storage;

/// <summary>
/// The next Telegram update to handle, kept outside the process: a restart (or the standby taking over)
/// starts after the last update handled, even when the kill came before Telegram was told.
/// </summary>
internal interface ITelegramOffsetStore
{
    Task<int?> GetAsync(CancellationToken cancellationToken);

    Task SaveAsync(int offset, CancellationToken cancellationToken);
}
