using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// Per-symbol ordering and dedupe across reconnects: a bar is released only if it opens at or after the
/// last released bar's close, and while a gap backfill is pending live events are held, then merged
/// with the backfilled bars in time order. Live events pass a short reorder window first.
/// </summary>
internal sealed class SymbolGate(string symbol, TimeSpan reorderWindow)
{
    private readonly EventReorderBuffer _reorder = new(reorderWindow);
    private readonly List<MarketEvent> _ready = [];

    public string Symbol { get; } = symbol;

    /// <summary>One gate per distinct symbol, upper case; at least one symbol is required.</summary>
    public static List<SymbolGate> For(IEnumerable<string> symbols, TimeSpan reorderWindow)
    {
        var gates = symbols.Select(s => new SymbolGate(s.Trim().ToUpperInvariant(), reorderWindow)).DistinctBy(g => g.Symbol).ToList();
        return gates.Count > 0 ? gates : throw new ArgumentException("At least one symbol is required.", nameof(symbols));
    }

    public DateTimeOffset? LastBarClose { get; private set; }

    /// <summary>Live events waiting for the gap backfill; null when not holding.</summary>
    public List<MarketEvent>? Held { get; private set; }

    public DateTimeOffset? LiveStart { get; set; }

    public Task<List<Bar>>? Backfill { get; set; }

    /// <summary>Releases what the reorder window still holds (a session ended; nothing older will come).</summary>
    public void FlushPending(List<MarketEvent> output, FeedCounters counters)
    {
        _reorder.Flush(_ready);
        ReleaseReady(output, counters);
    }

    public void StartHolding(List<MarketEvent> output, FeedCounters counters)
    {
        FlushPending(output, counters);
        Held = [];
        LiveStart = null;
        Backfill = null;
    }

    public void Offer(MarketEvent e, List<MarketEvent> output, FeedCounters counters)
    {
        if (Held is { } held)
        {
            held.Add(e);
        }
        else
        {
            _reorder.Add(e, _ready);
            ReleaseReady(output, counters);
        }
    }

    /// <summary>Ends holding: backfilled bars and held live events go out merged by time (stable).</summary>
    public void Complete(List<Bar> backfilled, List<MarketEvent> output, FeedCounters counters)
    {
        var held = Held ?? [];
        Held = null;
        Backfill = null;
        var merged = backfilled.Select(b => (MarketEvent)new BarClosed(Symbol, b)).Concat(held).OrderBy(e => e.Time);
        foreach (var e in merged)
        {
            Release(e, output, counters);
        }
    }

    private void ReleaseReady(List<MarketEvent> output, FeedCounters counters)
    {
        foreach (var e in _ready)
        {
            Release(e, output, counters);
        }

        _ready.Clear();
    }

    public void Release(MarketEvent e, List<MarketEvent> output, FeedCounters counters)
    {
        if (e is BarClosed { Bar: var bar })
        {
            if (LastBarClose is { } last && bar.OpenTime < last)
            {
                counters.DuplicateBar();
                return;
            }

            LastBarClose = bar.CloseTime;
        }

        output.Add(e);
    }
}
