using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Backtest;

/// <summary>
/// Replays bars causally. For each scored bar t, from the book at the end of bar t-1: predicted
/// long = long notional with a level in [low_t, close_t-1], predicted short = short notional in
/// [close_t-1, high_t]; the baseline knows only the move (close_t-1 - low_t, high_t - close_t-1).
/// Both are scored against bar t's realized liquidations, per window (before and after the split)
/// and side, beside the controls that tell position information from price memory: the breakout,
/// the shifted-OI null, the distance-only null, and the zone touch check.
/// </summary>
public static class AccuracyBacktest
{
    public static readonly DateTimeOffset DefaultSplit = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static BacktestReport Run(IReadOnlyList<Bar> bars, DateTimeOffset split, ModelOptions options, BacktestOptions? settings = null)
    {
        settings ??= new BacktestOptions();
        var plan = ScoringPlan.Of(bars, split, settings.WarmUp);
        var real = MapPredictions.Replay(bars, options, plan);
        var shifted = Enumerable.Range(1, Math.Max(0, settings.ShiftedCopies - 1))
            .Select(k => MapPredictions.Replay(ShiftedOpenInterest.Shift(bars, k, settings.ShiftedCopies), options, plan))
            .ToList();
        var priceOnly = PriceOnlyPredictors.Of(bars, plan, options, settings.BreakoutLookbackBars);
        var realized = new SideValues(
            plan.BarIndex.Select(i => bars[i].LiquidatedLongUsd!.Value).ToArray(),
            plan.BarIndex.Select(i => bars[i].LiquidatedShortUsd!.Value).ToArray());
        var zones = ZoneTouchCheck.Run(bars, options, split, settings);

        SampleScore? Window(bool outOfSample)
        {
            var rows = plan.RowsOf(outOfSample);
            if (rows.Length == 0)
            {
                return null;
            }

            var zonesOfWindow = zones[outOfSample ? 1 : 0];
            SideScore Side(PositionSide side) => SideStatistics.Score(
                new SideColumns(
                    realized.Of(side).Pick(rows),
                    real.Of(side).Pick(rows),
                    priceOnly.Move.Of(side).Pick(rows),
                    priceOnly.Breakout.Of(side).Pick(rows),
                    priceOnly.DistanceOnly.Of(side).Pick(rows),
                    rows.Select(r => plan.Day[r]).ToArray()),
                shifted.Select(s => s.Of(side).Pick(rows)).ToList(),
                side == PositionSide.Long ? zonesOfWindow.Long : zonesOfWindow.Short,
                settings);

            return new SampleScore(rows.Length, rows.Select(r => plan.Day[r]).Distinct().Count(), Side(PositionSide.Long), Side(PositionSide.Short));
        }

        return new BacktestReport(plan.Count, split, Window(outOfSample: false), Window(outOfSample: true), settings.BootstrapDraws, settings.Seed, settings.ShiftedCopies);
    }
}
