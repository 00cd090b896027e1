using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// The alert rules of one symbol over its books (one per source, each on its own prices), watched as one:
/// zones are found on the sum of the books, a bar or price of any book is checked against them, and
/// cascades count the realized liquidations of every book. Sweeps on bar close, proximity on every price,
/// cascades on realized liquidations; zones are recomputed once per bar for the windows in use.
/// </summary>
public sealed class SymbolAlertRules
{
    private readonly AlertBook[] _books;
    private readonly ZoneOptions _zoneOptions;
    private readonly ProximityRule _proximity;
    private readonly CascadeRule _cascade;
    private readonly SweepEchoes _sweepEchoes = new();
    private readonly Dictionary<TimeWindow, WindowZones> _zones = [];
    private readonly Dictionary<AlertThresholds, int> _thresholdIds = [];
    private ThresholdGroup[] _proximityGroups = [];
    private ThresholdGroup[] _sweepGroups = [];
    private ThresholdGroup[] _cascadeGroups = [];
    private readonly Func<TimeWindow, WindowZones> _zonesFor;
    private DateTimeOffset _cascadeClock = DateTimeOffset.MinValue;

    public SymbolAlertRules(LiquidationBook book, ZoneOptions? zoneOptions = null)
        : this([new AlertBook(book.Symbol, "complete", SeesEveryLiquidation: true, book)], zoneOptions)
    {
    }

    public SymbolAlertRules(IReadOnlyList<AlertBook> books, ZoneOptions? zoneOptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(books.Count);
        _books = [.. books];
        _zoneOptions = zoneOptions ?? new ZoneOptions();
        var symbol = _books[0].Book.Symbol;
        _proximity = new ProximityRule(symbol);
        _cascade = new CascadeRule(symbol);
        _zonesFor = ZonesFor;
    }

    public int SubscriberCount { get; private set; }

    /// <summary>Replaces the subscribers; rule state of unchanged thresholds is kept.</summary>
    public void SetSubscribers(IReadOnlyCollection<AlertSubscriber> subscribers)
    {
        _proximityGroups = ThresholdGroup.Of(subscribers, AlertKinds.Proximity, IdOf);
        _sweepGroups = ThresholdGroup.Of(subscribers, AlertKinds.Sweep, IdOf);
        _cascadeGroups = ThresholdGroup.Of(subscribers, AlertKinds.Cascade, IdOf);
        _proximity.SetGroups(_proximityGroups, _thresholdIds.Count);
        SubscriberCount = subscribers.Count;
        _zones.Clear();
    }

    /// <summary>Applies a closed bar to the first book and returns the sweeps, proximities and cascades it caused.</summary>
    public IReadOnlyList<Alert> OnBarClosed(in Bar bar) => OnBarClosed(_books[0].Book, bar);

    /// <summary>A price of the first book between bar closes: only proximity can fire.</summary>
    public IReadOnlyList<Alert> OnPrice(DateTimeOffset time, double price) => OnPrice(_books[0].Book, time, price);

    /// <summary>A realized liquidation of the first book.</summary>
    public IReadOnlyList<Alert> OnLiquidation(in RealizedLiquidation liquidation) => OnLiquidation(_books[0].Book, liquidation);

    /// <summary>Applies a closed bar to its book and returns the sweeps, proximities and cascades it caused.</summary>
    public IReadOnlyList<Alert> OnBarClosed(LiquidationBook book, in Bar bar)
    {
        var alerts = new List<Alert>();
        var zonesBefore = _sweepGroups.Select(g => g.Thresholds.Window).Distinct().ToDictionary(w => w, ZonesFor);
        var outcome = book.Apply(bar);
        if (outcome.Ignored)
        {
            return alerts;
        }

        _zones.Clear();
        var realized = RealizedBetween(bar.OpenTime, bar.CloseTime);
        var step = Step;
        var missing = _sweepGroups.Length == 0 ? "" : AlertText.Missing(_books, bar.OpenTime, bar.CloseTime, "the reported figure is a floor");
        SweepRule.Evaluate(book.Symbol, _sweepGroups, bar, zone => SweptIn(book, outcome, zone), realized, missing, w => zonesBefore.TryGetValue(w, out var z) ? z.Zones : [], step, _sweepEchoes, alerts);
        _proximity.Evaluate(bar.CloseTime, book.Price, _zonesFor, step, alerts);
        EvaluateCascades(bar.CloseTime, alerts);
        return alerts;
    }

    /// <summary>A price of one book between bar closes: only proximity can fire, checked against the summed zones.</summary>
    public IReadOnlyList<Alert> OnPrice(LiquidationBook book, DateTimeOffset time, double price)
    {
        book.ObservePrice(time, price);
        var step = Step;
        if (_proximityGroups.Length == 0 || double.IsNaN(step) || double.IsNaN(book.Price))
        {
            return [];
        }

        var alerts = new List<Alert>();
        _proximity.Evaluate(time, book.Price, _zonesFor, step, alerts);
        return alerts;
    }

    /// <summary>A realized liquidation arrived at one book: records it and checks the cascade thresholds over all books.</summary>
    public IReadOnlyList<Alert> OnLiquidation(LiquidationBook book, in RealizedLiquidation liquidation)
    {
        book.Apply(liquidation);
        if (_cascadeGroups.Length == 0)
        {
            return [];
        }

        var alerts = new List<Alert>();
        EvaluateCascades(liquidation.Time, alerts);
        return alerts;
    }

    /// <summary>
    /// Time passed with no new data for the rules (a minute's close while stored liquidations are replayed,
    /// where the venues' bars would have ticked the cascade rule live): only a cascade can fire, or re-arm.
    /// </summary>
    public IReadOnlyList<Alert> OnClock(DateTimeOffset time)
    {
        if (_cascadeGroups.Length == 0)
        {
            return [];
        }

        var alerts = new List<Alert>();
        EvaluateCascades(time, alerts);
        return alerts;
    }

    /// <summary>
    /// Cascades are judged at the latest moment any book reached, never earlier: a bar or liquidation one venue
    /// delivers late (its gap backfill after a reconnect, a bar waiting for its open interest) counts in the
    /// window of now instead of taking the rule back to an earlier window, where another venue's burst that
    /// already fired, and re-armed since, would fire a second alert.
    /// </summary>
    private void EvaluateCascades(DateTimeOffset time, List<Alert> alerts)
    {
        if (time > _cascadeClock)
        {
            _cascadeClock = time;
        }

        _cascade.Evaluate(_cascadeGroups, _cascadeClock, RealizedWithin(_cascadeClock), SeenBy(_cascadeClock), alerts);
    }

    /// <summary>The summed grid's bin: the widest of the books with a price.</summary>
    private double Step
    {
        get
        {
            var step = double.NaN;
            foreach (var b in _books)
            {
                if (!double.IsNaN(b.Book.BinSize) && !(b.Book.BinSize <= step))
                {
                    step = b.Book.BinSize;
                }
            }

            return step;
        }
    }

    /// <summary>
    /// What a bar that traded through a summed zone swept: its own book's levels in the zone, and the other
    /// books' levels in it, which their bars of the same minute sweep as they arrive (their prices differ by
    /// basis, far less than a zone); counting them now keeps the one alert whole.
    /// </summary>
    private double SweptIn(LiquidationBook book, BarOutcome outcome, Zone zone)
    {
        var swept = outcome.Swept.Where(l => l.Side == zone.Side && l.Price >= zone.Low && l.Price <= zone.High).Sum(l => l.NotionalUsd);
        foreach (var other in _books)
        {
            if (other.Book != book)
            {
                swept += other.Book.NotionalBetween(zone.Side, zone.Low, zone.High);
            }
        }

        return swept;
    }

    private (double Long, double Short) RealizedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var (longUsd, shortUsd) = (0.0, 0.0);
        foreach (var b in _books)
        {
            var (l, s) = b.Book.RealizedAfter(from, to);
            longUsd += l;
            shortUsd += s;
        }

        return (longUsd, shortUsd);
    }

    private Func<TimeSpan, (double Long, double Short)> RealizedWithin(DateTimeOffset now) => window => RealizedBetween(now - window, now);

    private Func<TimeSpan, string> SeenBy(DateTimeOffset now) =>
        window => AlertText.SeenBy(_books, [.. _books.Select(b => b.Book.RealizedAfter(now - window, now)).Select(r => r.LongUsd + r.ShortUsd)])
            + AlertText.Missing(_books, now - window, now, "the sum is a floor");

    /// <summary>Zones of a window in use, computed at most once per bar; windows no group uses stay empty.</summary>
    private WindowZones ZonesFor(TimeWindow window)
    {
        if (!_zones.TryGetValue(window, out var zones))
        {
            var used = _proximityGroups.Any(g => g.Thresholds.Window == window) || _sweepGroups.Any(g => g.Thresholds.Window == window);
            zones = used && Summed(window) is { IsEmpty: false } map ? new WindowZones(ZoneFinder.FindAll(map, _zoneOptions)) : WindowZones.Empty;
            _zones[window] = zones;
        }

        return zones;
    }

    /// <summary>The books' maps of a window summed on one grid (the first book's alone when it is the only one).</summary>
    private BookSnapshot Summed(TimeWindow window) =>
        _books.Length == 1 ? _books[0].Book.Snapshot(window) : AggregateBook.Sum([.. _books.Select(b => b.Book.Snapshot(window))], "");

    private int IdOf(AlertThresholds thresholds)
    {
        if (!_thresholdIds.TryGetValue(thresholds, out var id))
        {
            id = _thresholdIds.Count;
            _thresholdIds.Add(thresholds, id);
        }

        return id;
    }
}
