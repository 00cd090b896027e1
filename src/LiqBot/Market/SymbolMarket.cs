using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;

namespace LiqBot.Market;

/// <summary>
/// One symbol's live state: one book per venue (each venue's open interest opened at its own prices and
/// consumed by its own price path) and the alert rules, which watch the first venue's book. Written by
/// the market worker and read by commands, always under <see cref="Gate"/>; commands take immutable
/// snapshots (one venue's, or the sum of all on one grid) and render outside it.
/// </summary>
internal sealed class SymbolMarket
{
    private readonly Dictionary<Venue, LiquidationBook> _books;

    public SymbolMarket(string symbol, ModelOptions options, IReadOnlyList<Venue>? venues = null)
    {
        Symbol = symbol;
        Venues = venues is { Count: > 0 } ? venues : [Venue.Replay];
        _books = Venues.ToDictionary(v => v, _ => new LiquidationBook(symbol, options));
        Book = _books[Venues[0]];
        Rules = new SymbolAlertRules(Book);
    }

    public string Symbol { get; }

    public object Gate { get; } = new();

    public IReadOnlyList<Venue> Venues { get; }

    /// <summary>The first venue's book, the one the alert rules watch.</summary>
    public LiquidationBook Book { get; }

    public SymbolAlertRules Rules { get; }

    /// <summary>Where the data comes from, for image titles ("live", "replay: file.csv").</summary>
    public string Source { get; set; } = "no data yet";

    /// <summary>Null while every venue's data flows; else one line for replies ("OKX stale since 12:04 UTC").</summary>
    public string? Unavailable { get; set; }

    public LiquidationBook BookOf(Venue venue) => _books[venue];

    /// <summary>Applies one venue's event to its book; the first venue's go through the alert rules, whose alerts are returned.</summary>
    public IReadOnlyList<Alert> Apply(Venue venue, MarketEvent marketEvent)
    {
        if (!_books.TryGetValue(venue, out var book))
        {
            return [];
        }

        if (book == Book)
        {
            return marketEvent switch
            {
                BarClosed closed => Rules.OnBarClosed(closed.Bar),
                LiquidationReported reported => Rules.OnLiquidation(reported.Liquidation),
                PriceTicked tick => Rules.OnPrice(tick.Time, tick.Price),
                _ => [],
            };
        }

        switch (marketEvent)
        {
            case BarClosed closed:
                book.Apply(closed.Bar);
                break;
            case LiquidationReported reported:
                book.Apply(reported.Liquidation);
                break;
            case PriceTicked tick:
                book.ObservePrice(tick.Time, tick.Price);
                break;
        }

        return [];
    }

    /// <summary>The venues a view shows: the one asked for, else every venue with data.</summary>
    public IReadOnlyList<Venue> VenuesIn(Venue? venue)
    {
        lock (Gate)
        {
            return venue is not null ? [venue] : Venues.Where(v => _books[v].BarCount > 0).ToList();
        }
    }

    /// <summary>One venue's map (and heatmap), or with no venue the sum of every venue with data.</summary>
    public (BookSnapshot Book, HeatmapSnapshot? Heatmap) Read(TimeWindow window, bool withHeatmap, Venue? venue = null)
    {
        lock (Gate)
        {
            List<Venue> shown = venue is not null ? [venue] : Venues.Where(v => _books[v].BarCount > 0).DefaultIfEmpty(Venues[0]).ToList();
            var source = Venues.Count == 1 ? Source : $"{Venue.Join(shown)} {Source}";
            var books = shown.Select(v => _books[v].Snapshot(window, source)).ToList();
            var heatmaps = withHeatmap ? shown.Select(v => _books[v].Heatmap(window, source)).ToList() : null;
            return (AggregateBook.Sum(books, source), heatmaps is null ? null : AggregateHeatmap.Sum(heatmaps, source));
        }
    }
}
