using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using LiqBot.Engine.Model;
using LiqBot.Exchanges.Replay;

namespace LiqBot.Cli;

/// <summary>The options every data verb shares (--data, --symbol, --at, --window) and their checks.</summary>
internal static partial class DataArguments
{
    public static Option<string> Data() => new("--data") { Description = "A bar CSV (like samples/*.csv) or a recording (.jsonl.gz).", Required = true };

    public static Option<string> Symbol() => new("--symbol") { Description = "Symbol the data belongs to.", DefaultValueFactory = _ => "BTCUSDT" };

    public static Option<string?> At() => new("--at") { Description = "ISO 8601 time to look from (default: the end of the data)." };

    public static Option<string> Window() => new("--window") { Description = $"Look-back window: {TimeWindow.Names}.", DefaultValueFactory = _ => "24h" };

    public static MarketHistory Load(string path, string symbol)
    {
        if (!SymbolPattern().IsMatch(symbol))
        {
            throw new UsageException($"'{Shorten(symbol)}' is not a symbol: use letters and digits, like BTCUSDT.");
        }

        try
        {
            return MarketDataFile.Load(path, symbol.ToUpperInvariant());
        }
        catch (MarketDataException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public static TimeWindow ParseWindow(string text) =>
        TimeWindow.TryParse(text, out var window) ? window : throw new UsageException($"unknown window '{Shorten(text)}': use {TimeWindow.Names}.");

    /// <summary>The time to look from: --at when given (within the data), else the close of the last bar.</summary>
    public static DateTimeOffset ParseAt(string? text, MarketHistory history)
    {
        if (text is null)
        {
            return history.LastClose;
        }

        var at = ParseTime("--at", text);
        return at < history.FirstClose || at > history.LastClose
            ? throw new UsageException($"--at {at:yyyy-MM-ddTHH:mmZ} is outside the data ({history.FirstClose:yyyy-MM-ddTHH:mmZ} to {history.LastClose:yyyy-MM-ddTHH:mmZ}).")
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

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "...";

    [GeneratedRegex("^[A-Za-z0-9]{2,20}$")]
    private static partial Regex SymbolPattern();
}
