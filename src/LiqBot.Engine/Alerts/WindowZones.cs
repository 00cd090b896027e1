using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>The zones of one window as of the last bar, with their keys and an index by key, computed once per bar.</summary>
internal sealed class WindowZones
{
    private readonly Dictionary<ZoneKey, Zone> _byKey = [];

    public WindowZones(IReadOnlyList<Zone> zones)
    {
        Zones = [.. zones];
        Keys = new ZoneKey[Zones.Length];
        for (var i = 0; i < Zones.Length; i++)
        {
            Keys[i] = ZoneKey.Of(Zones[i]);
            _byKey.TryAdd(Keys[i], Zones[i]);
        }
    }

    public static WindowZones Empty { get; } = new([]);

    public Zone[] Zones { get; }

    public ZoneKey[] Keys { get; }

    public Zone? Find(ZoneKey key) => _byKey.GetValueOrDefault(key);
}
