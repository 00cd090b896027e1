using System.Collections.Concurrent;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;

namespace LiqBot.Market;

/// <summary>
/// The live state of every followed symbol, one book per venue each: the configured symbols from the start,
/// others while <see cref="SymbolTracker"/> keeps them (added and removed while the bot runs).
/// </summary>
internal sealed class MarketRegistry
{
    private readonly ConcurrentDictionary<string, SymbolMarket> _markets;
    private readonly ModelOptions _options;

    public MarketRegistry(SymbolCatalog catalog, ModelOptions options, IReadOnlyList<Venue>? venues = null)
    {
        Catalog = catalog;
        _options = options;
        Venues = venues is { Count: > 0 } ? venues : [Venue.Replay];
        _markets = new(catalog.Symbols.Select(s => KeyValuePair.Create(s, new SymbolMarket(s, options, Venues))), StringComparer.Ordinal);
    }

    public SymbolCatalog Catalog { get; }

    public IReadOnlyList<Venue> Venues { get; }

    public IEnumerable<SymbolMarket> All => _markets.Values;

    public int Count => _markets.Count;

    public SymbolMarket? Find(string symbol) => _markets.GetValueOrDefault(symbol);

    /// <summary>Starts an empty market for <paramref name="symbol"/> on <paramref name="venues"/> (those listing it).</summary>
    public SymbolMarket Add(string symbol, IReadOnlyList<Venue> venues) => _markets.GetOrAdd(symbol, s => new SymbolMarket(s, _options, venues));

    public bool Remove(string symbol) => _markets.TryRemove(symbol, out _);
}
