using LiqBot.Engine.Market;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// Identifies "the same zone" across recomputations: its side and its middle on a logarithmic
/// grid of 0.5 % steps, so a zone that widens or shifts by a bin keeps its identity.
/// </summary>
internal readonly record struct ZoneKey(PositionSide Side, long Bucket)
{
    private static readonly double StepLog = Math.Log(1.005);

    public static ZoneKey Of(Zone zone) => new(zone.Side, (long)Math.Floor(Math.Log(zone.Mid) / StepLog));
}
