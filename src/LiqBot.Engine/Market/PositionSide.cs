namespace LiqBot.Engine.Market;

/// <summary>The side of the position that is (or would be) liquidated.</summary>
public enum PositionSide
{
    Long,
    Short,
}
