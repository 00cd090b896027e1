using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using LiqBot.Engine.Model;
using LiqBot.Exchanges.Replay;
using LiqBot.Market;

namespace LiqBot.Cli;

/// <summary>The options every data verb shares (--data, --symbol, --at, --window) and their checks.</summary>
internal static partial class DataArguments
{
    public static Option<string> Data() => new("--data") { Description = "A bar CSV (like samples/*.csv) or a recording (.jsonl.gz).", Required = true };

    public static Option<string?> Symbol() => new("--symbol") { Description = "Symbol the data belongs to (btc or BTCUSDT); a CSV is taken to hold the one its file name starts with." };

    public static Option<string?> At() => new("--at") { Description = "ISO 8601 time to look from (default: the end of the data)." };

    public static Option<string> Window() => new("--window") { Description = $"Look-back window: {TimeWindow.Names}.", DefaultValueFactory = _ => "24h" };

    /// <summary>A symbol as given on the command line: an alias (btc) gets the USDT quote, as in chats.</summary>
    public static string ResolveSymbol(string text)
    {
        var trimmed = text.Trim();
        if (!SymbolPattern().IsMatch(trimmed))
        {
            throw new UsageException($"'{Shorten(trimmed)}' is not a symbol: use letters and digits, like btc or BTCUSDT.");
        }

        var upper = trimmed.ToUpperInvariant();
        return SymbolCatalog.BaseOf(upper) is null ? upper + "USDT" : upper;
    }

    /// <summary>
    /// The file's data for a symbol. A CSV names no symbol: one whose file name starts with a coin
    /// (btc-30m-....csv) is taken to hold that coin's USDT perpetual, and a --symbol that disagrees is
    /// refused; any other CSV holds what --symbol says, BTCUSDT by default.
    /// </summary>
    public static MarketData Load(string path, string? symbolText, string? venueText = null)
    {
        var asked = symbolText is null ? null : ResolveSymbol(symbolText);
        var symbol = asked ?? "BTCUSDT";
        if (!RecordingFile.IsRecording(path) && CoinInName(path) is { } coin)
        {
            var held = ResolveSymbol(coin);
            if (asked is not null && asked != held)
            {
                throw new UsageException($"{Path.GetFileName(path)} is taken to hold {held} (a CSV names no symbol; its file name starts with '{coin}'), not {asked}.");
            }

            symbol = held;
        }

        IReadOnlyList<VenueHistory> venues;
        try
        {
            venues = MarketDataFile.Load(path, symbol);
        }
        catch (MarketDataException e)
        {
            throw new UsageException(e.Message);
        }

        return new MarketData(Path.GetFileName(path), venueText is null ? venues : [OneVenue(path, venues, venueText)]);
    }

    public static Option<string?> Venue() => new("--venue") { Description = "Only this venue of a recording (bybit, binance, okx); default: all it holds, summed." };

    private static VenueHistory OneVenue(string path, IReadOnlyList<VenueHistory> venues, string text)
    {
        if (venues is [{ Venue: var only }] && only == Exchanges.Venue.Replay)
        {
            throw new UsageException($"{Path.GetFileName(path)} is a bar file and does not say which venue it holds: leave out --venue.");
        }

        var held = string.Join(", ", venues.Select(v => v.Venue.Key));
        return !Exchanges.Venue.TryParse(text, out var venue) ? throw new UsageException($"unknown venue '{Shorten(text)}': {Path.GetFileName(path)} holds {held}.")
            : venues.FirstOrDefault(v => v.Venue == venue) ?? throw new UsageException($"{Path.GetFileName(path)} holds no {venue.Name} bars of {venues[0].History.Symbol}: it holds {held}.");
    }

    public static TimeWindow ParseWindow(string text) =>
        TimeWindow.TryParse(text, out var window) ? window : throw new UsageException($"unknown window '{Shorten(text)}': use {TimeWindow.Names}.");

    /// <summary>The time to look from: --at when given (within the data), else the close of the last bar.</summary>
    public static DateTimeOffset ParseAt(string? text, MarketData data)
    {
        if (text is null)
        {
            return data.LastClose;
        }

        var at = ParseTime("--at", text);
        return at < data.FirstClose || at > data.LastClose
            ? throw new UsageException($"--at {at:yyyy-MM-ddTHH:mmZ} is outside the data ({data.FirstClose:yyyy-MM-ddTHH:mmZ} to {data.LastClose:yyyy-MM-ddTHH:mmZ}).")
            : at;
    }

    /// <summary>The book as it stood at <paramref name="at"/>.</summary>
    public static LiquidationBook BookAt(MarketHistory history, DateTimeOffset at, ModelOptions options)
    {
        var book = new LiquidationBook(history.Symbol, options);
        foreach (var liquidation in history.Liquidations.Where(l => l.Time <= at))
        {
            book.Apply(liquidation);
        }

        book.ApplyHistory(history.BarsClosedBy(at));
        return book;
    }

    /// <summary>An ISO 8601 time given as <paramref name="option"/>, read as UTC when it names no offset.</summary>
    public static DateTimeOffset ParseTime(string option, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new UsageException($"{option} '{Shorten(text)}' is not an ISO 8601 time, like 2026-06-01T00:00Z.");

    private static string? CoinInName(string path)
    {
        var first = Path.GetFileName(path).Split('-', '_', '.')[0];
        return Coins.Contains(first, StringComparer.OrdinalIgnoreCase) ? first.ToLowerInvariant() : null;
    }

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "...";

    // The coins a data file's name is read for; a name starting with anything else says nothing.
    private static readonly string[] Coins = ["btc", "eth", "sol", "xrp", "bnb", "doge", "ada", "avax", "link", "ltc", "trx", "ton", "sui"];

    [GeneratedRegex("^[A-Za-z0-9]{2,20}$")]
    private static partial Regex SymbolPattern();
}
