namespace LiqBot.Engine.Backtest;

/// <summary>The scores of the distance-only null: the tier template at the previous close, no history.</summary>
public sealed record DistanceOnlyScore(double Spearman, double PartialSpearman, double BreakoutPartial);
