namespace LiqBot.Engine.Market;

/// <summary>A liquidation the exchange reported: a position of <paramref name="Side"/> force-closed at <paramref name="Price"/>.</summary>
public readonly record struct RealizedLiquidation(DateTimeOffset Time, PositionSide Side, double Price, double NotionalUsd);
