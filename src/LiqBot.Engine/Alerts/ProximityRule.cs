using System.Runtime.InteropServices;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// Price comes within ProximityPct of a zone of at least MinZoneUsd. Fires once per zone per
/// cooldown, and re-arms only after price has moved away by twice the threshold (or the zone is
/// gone), so a price hovering at the edge does not spam.
/// </summary>
internal sealed class ProximityRule(string symbol)
{
    private readonly Dictionary<(AlertThresholds Thresholds, ZoneKey Zone), ProximityState> _states = [];
    private readonly List<(AlertThresholds Thresholds, ZoneKey Zone)> _disarmed = [];

    public void Evaluate(ThresholdGroup[] groups, DateTimeOffset now, double price, Func<TimeWindow, IReadOnlyList<Zone>> zonesFor, double step, List<Alert> alerts)
    {
        Rearm(price, zonesFor);
        foreach (var group in groups)
        {
            var thresholds = group.Thresholds;
            foreach (var zone in zonesFor(thresholds.Window))
            {
                var distance = DistancePct(zone, price);
                if (zone.NotionalUsd < thresholds.MinZoneUsd || distance > thresholds.ProximityPct)
                {
                    continue;
                }

                var key = (thresholds, ZoneKey.Of(zone));
                ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_states, key, out var known);
                if (known && (!state.Armed || now - state.FiredAt < thresholds.Cooldown))
                {
                    continue;
                }

                state = new ProximityState(Armed: false, FiredAt: now);
                _disarmed.Add(key);
                var dedupe = $"proximity:{symbol}:{zone.Side}:{key.Item2.Bucket}:{now.UtcTicks / thresholds.Cooldown.Ticks}";
                alerts.Add(new Alert(symbol, AlertKinds.Proximity, now, dedupe, AlertText.Proximity(symbol, zone, price, distance, now, step), zone.Side, zone, [.. group.Members]));
            }
        }
    }

    /// <summary>Signed distance from price to the zone's near edge in % of price; zero or less once price is inside.</summary>
    public static double DistancePct(Zone zone, double price) =>
        zone.Side == PositionSide.Long ? (price - zone.High) / price * 100.0 : (zone.Low - price) / price * 100.0;

    private void Rearm(double price, Func<TimeWindow, IReadOnlyList<Zone>> zonesFor)
    {
        for (var i = _disarmed.Count - 1; i >= 0; i--)
        {
            var key = _disarmed[i];
            var zone = zonesFor(key.Thresholds.Window).FirstOrDefault(z => ZoneKey.Of(z) == key.Zone);
            if (zone is null || DistancePct(zone, price) >= 2 * key.Thresholds.ProximityPct)
            {
                CollectionsMarshal.GetValueRefOrNullRef(_states, key).Armed = true;
                _disarmed.RemoveAt(i);
            }
        }
    }

    private struct ProximityState(bool Armed, DateTimeOffset FiredAt)
    {
        public bool Armed = Armed;
        public DateTimeOffset FiredAt = FiredAt;
    }
}
