using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// Price comes within ProximityPct of a zone of at least MinZoneUsd. Fires once per zone per
/// cooldown, and re-arms only after price has moved away by twice the threshold (or the zone is
/// gone), so a price hovering at the edge does not spam. State lives per zone, in arrays indexed by
/// group id, so a tick costs one lookup per zone plus array reads per group.
/// </summary>
internal sealed class ProximityRule(string symbol)
{
    private readonly Dictionary<ZoneKey, ZoneState> _states = [];
    private readonly List<ZoneKey> _gone = [];
    private ThresholdGroup[] _groups = [];
    private TimeWindow[] _windows = [];
    private int _idCount;

    /// <summary>Takes the groups widest threshold first: a zone stops being checked at the first group too narrow for it.</summary>
    public void SetGroups(ThresholdGroup[] groups, int idCount)
    {
        _groups = groups;
        _idCount = idCount;
        _windows = [.. groups.Select(g => g.Thresholds.Window).Distinct()];
    }

    public void Evaluate(DateTimeOffset now, double price, Func<TimeWindow, WindowZones> zonesFor, double step, List<Alert> alerts)
    {
        if (_groups.Length == 0)
        {
            return;
        }

        Rearm(price, zonesFor);
        foreach (var window in _windows)
        {
            var zones = zonesFor(window);
            for (var z = 0; z < zones.Zones.Length; z++)
            {
                var zone = zones.Zones[z];
                var distance = DistancePct(zone, price);
                ZoneState? state = null;
                foreach (var group in _groups)
                {
                    var thresholds = group.Thresholds;
                    if (distance > thresholds.ProximityPct)
                    {
                        break;
                    }

                    if (thresholds.Window != window || zone.NotionalUsd < thresholds.MinZoneUsd)
                    {
                        continue;
                    }

                    state ??= StateOf(zones.Keys[z]);
                    if (state.Disarmed[group.Id] || now - state.FiredAt[group.Id] < thresholds.Cooldown)
                    {
                        continue;
                    }

                    state.Disarm(group.Id, now);
                    var dedupe = $"proximity:{symbol}:{zone.Side}:{zones.Keys[z].Bucket}:{now.UtcTicks / thresholds.Cooldown.Ticks}";
                    alerts.Add(new Alert(symbol, AlertKinds.Proximity, now, dedupe, AlertText.Proximity(symbol, zone, price, distance, now, step), zone.Side, zone, [.. group.Members]));
                }
            }
        }
    }

    /// <summary>Signed distance from price to the zone's near edge in % of price; zero or less once price is inside.</summary>
    public static double DistancePct(Zone zone, double price) =>
        zone.Side == PositionSide.Long ? (price - zone.High) / price * 100.0 : (zone.Low - price) / price * 100.0;

    private ZoneState StateOf(ZoneKey key)
    {
        if (!_states.TryGetValue(key, out var state))
        {
            state = new ZoneState(_idCount);
            _states.Add(key, state);
        }

        state.EnsureCapacity(_idCount);
        return state;
    }

    private void Rearm(double price, Func<TimeWindow, WindowZones> zonesFor)
    {
        foreach (var (key, state) in _states)
        {
            if (state.DisarmedCount == 0)
            {
                continue;
            }

            var zone = Find(key, zonesFor);
            var distance = zone is null ? double.PositiveInfinity : DistancePct(zone, price);
            foreach (var group in _groups)
            {
                if (group.Id < state.Disarmed.Length && state.Disarmed[group.Id] && distance >= 2 * group.Thresholds.ProximityPct)
                {
                    state.Rearm(group.Id);
                }
            }

            if (zone is null && state.DisarmedCount == 0)
            {
                _gone.Add(key);
            }
        }

        // A zone that is gone and fully re-armed needs no state; its cooldown ended with it.
        foreach (var key in _gone)
        {
            _states.Remove(key);
        }

        _gone.Clear();
    }

    private Zone? Find(ZoneKey key, Func<TimeWindow, WindowZones> zonesFor)
    {
        foreach (var window in _windows)
        {
            if (zonesFor(window).Find(key) is { } zone)
            {
                return zone;
            }
        }

        return null;
    }

    private sealed class ZoneState(int capacity)
    {
        public bool[] Disarmed { get; private set; } = new bool[capacity];

        public DateTimeOffset[] FiredAt { get; private set; } = new DateTimeOffset[capacity];

        public int DisarmedCount { get; private set; }

        public void EnsureCapacity(int capacity)
        {
            if (Disarmed.Length < capacity)
            {
                Disarmed = [.. Disarmed, .. new bool[capacity - Disarmed.Length]];
                FiredAt = [.. FiredAt, .. new DateTimeOffset[capacity - FiredAt.Length]];
            }
        }

        public void Disarm(int group, DateTimeOffset now)
        {
            Disarmed[group] = true;
            FiredAt[group] = now;
            DisarmedCount++;
        }

        public void Rearm(int group)
        {
            Disarmed[group] = false;
            DisarmedCount--;
        }
    }
}
