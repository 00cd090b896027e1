using System.Diagnostics.CodeAnalysis;
namespace LiqBot.Engine.Market;

/// <summary>The side of the position that is (or would be) liquidated.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long and short are the trading words for the two sides, not type names.")]
public enum PositionSide
{
    Long,
    Short,
}
