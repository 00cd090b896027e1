namespace LiqBot.Engine.Risk;

/// <summary>A position measured against the map: the tier used, its liquidation level, the level's distance from the price, and the path sums.</summary>
public sealed record RiskAssessment(
    RiskPosition Position,
    MarginSchedule Schedule,
    MarginTier Tier,
    double LiquidationPrice,
    double Price,
    PathSummary Path)
{
    /// <summary>Signed distance of the liquidation level from the current price, in %.</summary>
    public double DistancePct => (LiquidationPrice - Price) / Price * 100.0;
}
