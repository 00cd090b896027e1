using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Replay;
using LiqBot.Market;

namespace LiqBot.Cli;

/// <summary>
/// What the data verbs read from a file for one symbol: one history per venue (a bar CSV or a Bybit-only
/// recording: one), shown as the live bot shows them: each venue's own book, summed on one grid.
/// </summary>
internal sealed record MarketData(string FileName, IReadOnlyList<VenueHistory> Venues)
{
    public string Symbol => Venues[0].History.Symbol;

    public DateTimeOffset FirstClose => Venues.Min(v => v.History.FirstClose);

    public DateTimeOffset LastClose => Venues.Max(v => v.History.LastClose);

    /// <summary>Venue keys for `zones --json`: none for a bar CSV, which does not say which venues it sums.</summary>
    public IReadOnlyList<string> VenueKeys => Venues.Where(v => v.Venue != Venue.Replay).Select(v => v.Venue.Key).ToList();

    /// <summary>The venues with bars by <paramref name="at"/> (<see cref="Venue.Replay"/> for a bar CSV).</summary>
    public IReadOnlyList<Venue> VenuesAt(DateTimeOffset at) => Venues.Where(v => v.History.FirstClose <= at).Select(v => v.Venue).ToList();

    /// <summary>The map at <paramref name="at"/>: the sum of every venue with bars by then.</summary>
    public BookSnapshot Snapshot(DateTimeOffset at, TimeWindow window, ModelOptions options)
    {
        var (books, source) = BooksAt(at, options);
        return AggregateBook.Sum(books.Select(b => b.Snapshot(window, source)).ToList(), source);
    }

    public HeatmapSnapshot Heatmap(DateTimeOffset at, TimeWindow window, ModelOptions options)
    {
        var (books, source) = BooksAt(at, options);
        return AggregateHeatmap.Sum(books.Select(b => b.Heatmap(window, source)).ToList(), source);
    }

    private (List<LiquidationBook> Books, string Source) BooksAt(DateTimeOffset at, ModelOptions options)
    {
        var shown = Venues.Select(v => (v.Venue, Book: DataArguments.BookAt(v.History, at, options))).Where(b => b.Book.BarCount > 0).ToList();
        var source = Venues.Count == 1 ? Venues[0].History.SourceName : $"{Venue.Join(shown.Select(b => b.Venue))} {FileName}";
        return (shown.Select(b => b.Book).ToList(), source);
    }
}
