using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>Estimated notional liquidated because a bar traded through its level.</summary>
public readonly record struct SweptLevel(PositionSide Side, double Leverage, double Price, double NotionalUsd);
