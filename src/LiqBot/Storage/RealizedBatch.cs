using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary>
/// What one write stores in one transaction: new realized liquidations, the venues' outages (each named by its
/// venue's key; an open one has no end yet) and, per venue key, the moment up to which its stream was live.
/// </summary>
internal sealed record RealizedBatch(
    IReadOnlyList<StoredLiquidation> Liquidations,
    IReadOnlyList<FeedOutage> Outages,
    IReadOnlyDictionary<string, DateTimeOffset> LiveUntil);
