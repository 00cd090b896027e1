using LiqBot.Exchanges;

namespace LiqBot.Market;

/// <summary>
/// The USDT perpetuals each live venue lists, as their REST instrument lists last said (read at start and
/// refreshed by <see cref="Workers.InstrumentListWorker"/>); empty for a venue that has not answered yet.
/// </summary>
internal sealed class ListedSymbols
{
    private volatile Dictionary<Venue, IReadOnlySet<string>> _byVenue = [];

    /// <summary>The venues that answered, in the order of <see cref="Venue.Live"/>.</summary>
    public IReadOnlyList<Venue> Venues => Venue.Live.Where(_byVenue.ContainsKey).ToList();

    public bool IsEmpty => _byVenue.Count == 0;

    public IEnumerable<string> All => _byVenue.Values.SelectMany(s => s).Distinct();

    public void Set(Venue venue, IReadOnlySet<string> symbols)
    {
        lock (this)
        {
            _byVenue = new Dictionary<Venue, IReadOnlySet<string>>(_byVenue) { [venue] = symbols };
        }
    }

    public bool Contains(string symbol) => _byVenue.Values.Any(s => s.Contains(symbol));

    /// <summary>The venues listing <paramref name="symbol"/>.</summary>
    public IReadOnlyList<Venue> VenuesListing(string symbol) => _byVenue.Where(p => p.Value.Contains(symbol)).Select(p => p.Key).ToList();
}
