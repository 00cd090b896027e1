using LiqBot.Engine.Market;

namespace LiqBot.Storage;

/// <summary>A realized liquidation as kept in the store: the venue's key ("bybit"), the symbol and the point itself.</summary>
internal readonly record struct StoredLiquidation(string Venue, string Symbol, RealizedLiquidation Liquidation);
