using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Risk;

/// <summary>
/// What the map holds between the price and a position's liquidation level: the estimated notional of
/// the position's side on that path (its cumulative total), the densest zone on it (clipped to the
/// path), and the nearest zone of the other side, beyond the price in the opposite direction.
/// </summary>
public sealed record PathSummary(double NotionalOnPathUsd, Zone? DensestOnPath, Zone? NearestOpposite);
