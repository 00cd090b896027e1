using LiqBot.Engine.Market;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// The sweeps fired in the last minutes, so that one move seen by several books (each source's bar of the
/// same minute trades through the same summed zone, what is left of it after the first) is one alert.
/// Bars of one minute carry the same close time whichever source sent them and whenever they arrived.
/// </summary>
internal sealed class SweepEchoes
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(2);
    private readonly List<(int Group, PositionSide Side, double Low, double High, DateTimeOffset Time)> _fired = [];

    public bool IsEcho(int group, Zone zone, DateTimeOffset barClose)
    {
        _fired.RemoveAll(f => barClose - f.Time > Horizon);
        return _fired.Exists(f => f.Group == group && f.Side == zone.Side && f.Low <= zone.High && zone.Low <= f.High && (f.Time - barClose).Duration() <= Horizon);
    }

    public void Add(int group, Zone zone, DateTimeOffset barClose) => _fired.Add((group, zone.Side, zone.Low, zone.High, barClose));
}
