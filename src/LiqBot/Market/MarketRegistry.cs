using LiqBot.Engine.Model;

namespace LiqBot.Market;

/// <summary>The live state of every followed symbol.</summary>
internal sealed class MarketRegistry
{
    private readonly Dictionary<string, SymbolMarket> _markets;

    public MarketRegistry(SymbolCatalog catalog, ModelOptions options)
    {
        Catalog = catalog;
        _markets = catalog.Symbols.ToDictionary(s => s, s => new SymbolMarket(s, options), StringComparer.Ordinal);
    }

    public SymbolCatalog Catalog { get; }

    public IEnumerable<SymbolMarket> All => _markets.Values;

    public SymbolMarket? Find(string symbol) => _markets.GetValueOrDefault(symbol);
}
