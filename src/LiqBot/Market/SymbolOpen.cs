namespace LiqBot.Market;

/// <summary>A symbol's market ready to read, or the one line saying why not.</summary>
internal sealed record SymbolOpen(SymbolMarket? Market, string? Error);
