using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// A bar traded through a zone (its low under a long zone, its high over a short zone): reports the
/// estimated notional swept inside the zone and the realized liquidations of that side in the bar.
/// With several books the zones are their sum: the first bar of a minute to trade through a zone fires,
/// and the other books' bars of that minute are echoes of the same move. A venue whose liquidation stream
/// was down during the bar is named: the reported figure is then a floor.
/// </summary>
internal static class SweepRule
{
    public static void Evaluate(string symbol, ThresholdGroup[] groups, Bar bar, Func<Zone, double> sweptIn, (double Long, double Short) realized, string missing, Func<TimeWindow, IReadOnlyList<Zone>> zonesBefore, double step, SweepEchoes echoes, List<Alert> alerts)
    {
        foreach (var group in groups)
        {
            foreach (var zone in zonesBefore(group.Thresholds.Window))
            {
                var through = zone.Side == PositionSide.Long ? bar.Low <= zone.Low : bar.High >= zone.High;
                if (!through || zone.NotionalUsd < group.Thresholds.MinZoneUsd || echoes.IsEcho(group.Id, zone, bar.CloseTime))
                {
                    continue;
                }

                echoes.Add(group.Id, zone, bar.CloseTime);
                var swept = sweptIn(zone);
                var realizedUsd = zone.Side == PositionSide.Long ? realized.Long : realized.Short;
                var dedupe = $"sweep:{symbol}:{zone.Side}:{zone.Low}:{zone.High}:{bar.CloseTime.ToUnixTimeSeconds()}";
                alerts.Add(new Alert(symbol, AlertKinds.Sweep, bar.CloseTime, dedupe, AlertText.Sweep(symbol, zone, swept, realizedUsd, bar.CloseTime, step, missing), zone.Side, zone, [.. group.Members]));
            }
        }
    }
}
