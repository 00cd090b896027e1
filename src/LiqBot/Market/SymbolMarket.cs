using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;

namespace LiqBot.Market;

/// <summary>
/// One symbol's live state: one book per venue (each venue's open interest opened at its own prices and
/// consumed by its own price path) and the alert rules, which watch all of them as one (zones of their sum,
/// cascades over every venue's realized liquidations, each venue's coverage said). Written by
/// the market worker and read by commands, always under <see cref="Gate"/>; commands take immutable
/// snapshots (one venue's, or the sum of all on one grid) and render outside it.
/// </summary>
internal sealed class SymbolMarket
{
    private readonly Dictionary<Venue, LiquidationBook> _books;
    private readonly Dictionary<Venue, DateTimeOffset> _lastBarClose = [];
    private readonly List<(Venue Venue, DateTimeOffset Close, TaskCompletionSource Reached)> _barWaiters = [];

    public SymbolMarket(string symbol, ModelOptions options, IReadOnlyList<Venue>? venues = null)
    {
        Symbol = symbol;
        Venues = venues is { Count: > 0 } ? venues : [Venue.Replay];
        _books = Venues.ToDictionary(v => v, _ => new LiquidationBook(symbol, options));
        Book = _books[Venues[0]];
        Rules = new SymbolAlertRules([.. Venues.Select(v => new AlertBook(v.Name, v.CoverageText, v.Liquidations == LiquidationCoverage.Complete, _books[v]))]);
    }

    public string Symbol { get; }

    public object Gate { get; } = new();

    public IReadOnlyList<Venue> Venues { get; }

    /// <summary>The first venue's book.</summary>
    public LiquidationBook Book { get; }

    public SymbolAlertRules Rules { get; }

    /// <summary>Where the data comes from, for image titles ("live", "replay: file.csv").</summary>
    public string Source { get; set; } = "no data yet";

    /// <summary>Null while every venue's data flows; else one line for replies ("OKX stale since 12:04 UTC").</summary>
    public string? Unavailable { get; set; }

    public LiquidationBook BookOf(Venue venue) => _books[venue];

    /// <summary>Applies one venue's event to its book through the alert rules, whose alerts are returned.</summary>
    public IReadOnlyList<Alert> Apply(Venue venue, MarketEvent marketEvent)
    {
        if (!_books.TryGetValue(venue, out var book))
        {
            return [];
        }

        return marketEvent switch
        {
            BarClosed closed => OnBar(venue, book, closed.Bar),
            LiquidationReported reported => Rules.OnLiquidation(book, reported.Liquidation),
            PriceTicked tick => Rules.OnPrice(book, tick.Time, tick.Price),
            _ => [],
        };
    }

    /// <summary>
    /// Outages of the venue asked for, else of every venue (also one with no data yet: its realized
    /// liquidations are missing from the sum all the same), with some part in [from, to], oldest first.
    /// </summary>
    public List<FeedOutage> OutagesWithin(Venue? venue, DateTimeOffset from, DateTimeOffset to)
    {
        lock (Gate)
        {
            return (venue is not null ? [venue] : Venues).SelectMany(v => _books[v].Outages.Within(from, to)).OrderBy(o => o.From).ToList();
        }
    }

    /// <summary>Completes once a bar of <paramref name="venue"/> closing at or after <paramref name="close"/> is in its book (a warm-up has been applied).</summary>
    public Task BarAppliedAsync(Venue venue, DateTimeOffset close)
    {
        lock (Gate)
        {
            if (_lastBarClose.TryGetValue(venue, out var last) && last >= close)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _barWaiters.Add((venue, close, reached));
            return reached.Task;
        }
    }

    private IReadOnlyList<Alert> OnBar(Venue venue, LiquidationBook book, Bar bar)
    {
        var alerts = Rules.OnBarClosed(book, bar);
        _lastBarClose[venue] = bar.CloseTime;
        if (_barWaiters.Count > 0)
        {
            foreach (var waiter in _barWaiters.Where(w => w.Venue == venue && w.Close <= bar.CloseTime))
            {
                waiter.Reached.TrySetResult();
            }

            _barWaiters.RemoveAll(w => w.Reached.Task.IsCompleted);
        }

        return alerts;
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
            var heatmap = heatmaps is null ? null : AggregateHeatmap.Sum(heatmaps, source);
            return (AggregateBook.Sum(books, source), heatmap is null ? null : heatmap with { Outages = OutagesWithin(venue, heatmap.From, heatmap.To) });
        }
    }
}
