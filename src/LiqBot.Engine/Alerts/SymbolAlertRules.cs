using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// The alert rules of one symbol over its book: sweeps on bar close, proximity on every price,
/// cascades on realized liquidations. Zones are recomputed once per bar for the windows in use.
/// </summary>
public sealed class SymbolAlertRules
{
    private readonly LiquidationBook _book;
    private readonly ZoneOptions _zoneOptions;
    private readonly ProximityRule _proximity;
    private readonly CascadeRule _cascade;
    private readonly Dictionary<TimeWindow, WindowZones> _zones = [];
    private readonly Dictionary<AlertThresholds, int> _thresholdIds = [];
    private ThresholdGroup[] _proximityGroups = [];
    private ThresholdGroup[] _sweepGroups = [];
    private ThresholdGroup[] _cascadeGroups = [];
    private readonly Func<TimeWindow, WindowZones> _zonesFor;

    public SymbolAlertRules(LiquidationBook book, ZoneOptions? zoneOptions = null)
    {
        _book = book;
        _zoneOptions = zoneOptions ?? new ZoneOptions();
        _proximity = new ProximityRule(book.Symbol);
        _cascade = new CascadeRule(book.Symbol);
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

    /// <summary>Applies a closed bar to the book and returns the sweeps, proximities and cascades it caused.</summary>
    public IReadOnlyList<Alert> OnBarClosed(in Bar bar)
    {
        var alerts = new List<Alert>();
        var zonesBefore = _sweepGroups.Select(g => g.Thresholds.Window).Distinct().ToDictionary(w => w, ZonesFor);
        var outcome = _book.Apply(bar);
        if (outcome.Ignored)
        {
            return alerts;
        }

        _zones.Clear();
        var realized = _book.RealizedAfter(bar.OpenTime, bar.CloseTime);
        SweepRule.Evaluate(_book.Symbol, _sweepGroups, bar, outcome, realized, w => zonesBefore.TryGetValue(w, out var z) ? z.Zones : [], _book.BinSize, alerts);
        _proximity.Evaluate(bar.CloseTime, _book.Price, _zonesFor, _book.BinSize, alerts);
        _cascade.Evaluate(_cascadeGroups, bar.CloseTime, RealizedWithin(bar.CloseTime), alerts);
        return alerts;
    }

    /// <summary>A price between bar closes: only proximity can fire.</summary>
    public IReadOnlyList<Alert> OnPrice(DateTimeOffset time, double price)
    {
        _book.ObservePrice(time, price);
        if (_proximityGroups.Length == 0 || double.IsNaN(_book.BinSize))
        {
            return [];
        }

        var alerts = new List<Alert>();
        _proximity.Evaluate(time, _book.Price, _zonesFor, _book.BinSize, alerts);
        return alerts;
    }

    /// <summary>A realized liquidation arrived: records it and checks the cascade thresholds.</summary>
    public IReadOnlyList<Alert> OnLiquidation(in RealizedLiquidation liquidation)
    {
        _book.Apply(liquidation);
        if (_cascadeGroups.Length == 0)
        {
            return [];
        }

        var alerts = new List<Alert>();
        _cascade.Evaluate(_cascadeGroups, liquidation.Time, RealizedWithin(liquidation.Time), alerts);
        return alerts;
    }

    private Func<TimeSpan, (double Long, double Short)> RealizedWithin(DateTimeOffset now) =>
        window =>
        {
            var (longUsd, shortUsd) = _book.RealizedAfter(now - window, now);
            return (longUsd, shortUsd);
        };

    /// <summary>Zones of a window in use, computed at most once per bar; windows no group uses stay empty.</summary>
    private WindowZones ZonesFor(TimeWindow window)
    {
        if (!_zones.TryGetValue(window, out var zones))
        {
            var used = _proximityGroups.Any(g => g.Thresholds.Window == window) || _sweepGroups.Any(g => g.Thresholds.Window == window);
            zones = used ? new WindowZones(ZoneFinder.FindAll(_book.Snapshot(window), _zoneOptions)) : WindowZones.Empty;
            _zones[window] = zones;
        }

        return zones;
    }

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
