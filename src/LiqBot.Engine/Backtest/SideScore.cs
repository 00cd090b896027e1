namespace LiqBot.Engine.Backtest;

/// <summary>
/// Spearman of realized on predicted; the same for the move-only baseline; the partial Spearman of
/// realized on predicted given the move (what the map adds beyond the move) with its 95 % interval;
/// the partial given the move and the breakout (what it adds beyond price memory) with its interval;
/// the shifted-OI null; the distance-only null; and the zone touch check.
/// </summary>
public sealed record SideScore(
    double Spearman,
    double BaselineSpearman,
    double PartialSpearman,
    Interval PartialCi,
    double BreakoutPartial,
    Interval BreakoutPartialCi,
    ShiftedOiNull ShiftedOi,
    DistanceOnlyScore DistanceOnly,
    ZoneTouches Zones);
