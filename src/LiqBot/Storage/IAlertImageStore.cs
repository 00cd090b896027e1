namespace LiqBot.Storage;

/// <summary>
/// One image per alert, keyed by the alert's dedupe key: every chat's outbox row for that alert refers
/// to it by the same key, so 1,000 chats cost one copy of the PNG, not 1,000.
/// </summary>
internal interface IAlertImageStore
{
    /// <summary>Stores the image unless the key already has one; false if it had.</summary>
    Task<bool> SaveAsync(string dedupeKey, byte[] png, CancellationToken cancellationToken);

    Task<byte[]?> GetAsync(string dedupeKey, CancellationToken cancellationToken);

    /// <summary>How many images are stored and their total size in bytes.</summary>
    Task<(int Count, long Bytes)> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>Deletes images stored more than <paramref name="age"/> ago (by the store's clock); returns how many.</summary>
    Task<int> PurgeAsync(TimeSpan age, CancellationToken cancellationToken);
}
