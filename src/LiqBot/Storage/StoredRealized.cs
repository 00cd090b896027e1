using LiqBot.Engine.Market;

namespace LiqBot.Storage;

/// <summary>One book's stored realized liquidations, oldest first, and how many stored rows were unreadable and skipped.</summary>
internal sealed record StoredRealized(IReadOnlyList<RealizedLiquidation> Liquidations, int Skipped);
