using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Backtest;

/// <summary>
/// What a predictor knows without any open interest, per scored bar and side: the move from the
/// previous close; the breakout (1 when the bar's low (high) goes beyond the previous bars' lowest
/// low (highest high)); and the distance-only map (the tier template placed at the previous close,
/// unit notional, no history: the weight of the tiers whose level the bar reached).
/// </summary>
internal sealed record PriceOnlyPredictors(SideValues Move, SideValues Breakout, SideValues DistanceOnly)
{
    public static PriceOnlyPredictors Of(IReadOnlyList<Bar> bars, ScoringPlan plan, ModelOptions options, int breakoutLookback)
    {
        var weightSum = options.Tiers.Sum(t => t.Weight);
        var move = SideValues.Create(plan.Count);
        var breakout = SideValues.Create(plan.Count);
        var distance = SideValues.Create(plan.Count);
        for (var r = 0; r < plan.Count; r++)
        {
            var i = plan.BarIndex[r];
            var (bar, previousClose) = (bars[i], bars[i - 1].Close);
            move.Long[r] = Math.Max(0, previousClose - bar.Low);
            move.Short[r] = Math.Max(0, bar.High - previousClose);
            var first = Math.Max(0, i - breakoutLookback);
            breakout.Long[r] = i > first && bar.Low < Enumerable.Range(first, i - first).Min(k => bars[k].Low) ? 1 : 0;
            breakout.Short[r] = i > first && bar.High > Enumerable.Range(first, i - first).Max(k => bars[k].High) ? 1 : 0;
            foreach (var tier in options.Tiers)
            {
                var share = tier.Weight / weightSum;
                var longLevel = LiquidationPrice.Of(PositionSide.Long, previousClose, tier.Leverage, options.MaintenanceMarginRate);
                var shortLevel = LiquidationPrice.Of(PositionSide.Short, previousClose, tier.Leverage, options.MaintenanceMarginRate);
                distance.Long[r] += (tier.Side is null or PositionSide.Long) && bar.Low <= longLevel ? share : 0;
                distance.Short[r] += (tier.Side is null or PositionSide.Short) && bar.High >= shortLevel ? share : 0;
            }
        }

        return new PriceOnlyPredictors(move, breakout, distance);
    }
}
