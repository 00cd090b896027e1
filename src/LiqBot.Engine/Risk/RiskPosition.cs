using LiqBot.Engine.Market;

namespace LiqBot.Engine.Risk;

/// <summary>An isolated linear position a trader asks about: side, leverage, entry price and, when given, its notional in USD.</summary>
public sealed record RiskPosition(PositionSide Side, double Leverage, double Entry, double? SizeUsd = null);
