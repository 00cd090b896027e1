using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary>
/// The realized liquidations the venues streamed, kept so a restart does not lose them (no venue publishes their
/// history), with the outages of each venue's stream and how far each stream was live, so the gaps stay told.
/// Writes are idempotent: a liquidation is keyed by venue, symbol, time, side, price and size, so instances that
/// read the same public feed may all write it.
/// </summary>
internal interface IRealizedStore
{
    /// <summary>Stores a batch in one transaction; rows already stored are left as they are.</summary>
    Task WriteAsync(RealizedBatch batch, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="max"/> liquidations of one venue and symbol at or after <paramref name="since"/>, oldest first.</summary>
    Task<StoredRealized> LoadAsync(string venue, string symbol, DateTimeOffset since, int max, CancellationToken cancellationToken);

    /// <summary>Stored outages that end at or after <paramref name="since"/> or never ended, each named by its venue's key.</summary>
    Task<IReadOnlyList<FeedOutage>> LoadOutagesAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Per venue key, the latest moment its stream was known live with everything before it stored.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LoadLiveUntilAsync(CancellationToken cancellationToken);

    /// <summary>Keeps only the newest <paramref name="keep"/> liquidations of one venue and symbol (what a book can hold); returns the rows deleted.</summary>
    Task<int> TrimAsync(string venue, string symbol, int keep, CancellationToken cancellationToken);

    /// <summary>Deletes liquidations before <paramref name="before"/> and outages that ended before it; returns the rows deleted.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
