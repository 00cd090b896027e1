using LiqBot.Engine.Market;

namespace LiqBot.Engine.Zones;

/// <summary>
/// A price range where estimated liquidations of one side cluster. Long zones lie below price,
/// short zones above. DistancePct is signed: negative below price, positive above.
/// </summary>
public sealed record Zone(PositionSide Side, double Low, double High, double NotionalUsd, double DistancePct)
{
    public double Mid => (Low + High) / 2.0;
}
