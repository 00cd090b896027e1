using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;

namespace LiqBot.Market;

/// <summary>
/// One symbol's live state: its book and alert rules, written by the market worker and read by
/// commands, always under <see cref="Gate"/>. Commands take immutable snapshots and render outside it.
/// </summary>
internal sealed class SymbolMarket
{
    public SymbolMarket(string symbol, ModelOptions options)
    {
        Symbol = symbol;
        Book = new LiquidationBook(symbol, options);
        Rules = new SymbolAlertRules(Book);
    }

    public string Symbol { get; }

    public object Gate { get; } = new();

    public LiquidationBook Book { get; }

    public SymbolAlertRules Rules { get; }

    /// <summary>Where the data comes from, for image titles ("Bybit live", "replay: file.csv").</summary>
    public string Source { get; set; } = "no data yet";

    /// <summary>Null while data flows; else one line for replies ("market data unavailable since ...").</summary>
    public string? Unavailable { get; set; }

    public (BookSnapshot Book, HeatmapSnapshot? Heatmap) Read(TimeWindow window, bool withHeatmap)
    {
        lock (Gate)
        {
            return (Book.Snapshot(window, Source), withHeatmap ? Book.Heatmap(window, Source) : null);
        }
    }
}
