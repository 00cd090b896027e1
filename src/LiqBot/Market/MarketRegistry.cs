using LiqBot.Engine.Model;
using LiqBot.Exchanges;

namespace LiqBot.Market;

/// <summary>The live state of every followed symbol, one book per venue each.</summary>
internal sealed class MarketRegistry
{
    private readonly Dictionary<string, SymbolMarket> _markets;

    public MarketRegistry(SymbolCatalog catalog, ModelOptions options, IReadOnlyList<Venue>? venues = null)
    {
        Catalog = catalog;
        Venues = venues is { Count: > 0 } ? venues : [Venue.Replay];
        _markets = catalog.Symbols.ToDictionary(s => s, s => new SymbolMarket(s, options, Venues), StringComparer.Ordinal);
    }

    public SymbolCatalog Catalog { get; }

    public IReadOnlyList<Venue> Venues { get; }

    public IEnumerable<SymbolMarket> All => _markets.Values;

    public SymbolMarket? Find(string symbol) => _markets.GetValueOrDefault(symbol);
}
