namespace LiqBot.Engine.Backtest;

/// <summary>Everything reported for one window and side, from its rows' columns.</summary>
internal static class SideStatistics
{
    public static SideScore Score(SideColumns columns, IReadOnlyList<double[]> shiftedPredictions, ZoneTouches zones, BacktestOptions settings)
    {
        var realized = RankCorrelation.Ranks(columns.Realized);
        var move = RankCorrelation.Ranks(columns.Move);
        var breakout = RankCorrelation.Ranks(columns.Breakout);
        var predicted = RankCorrelation.Ranks(columns.Predicted);
        var distance = RankCorrelation.Ranks(columns.DistanceOnly);
        var partial = RankCorrelation.PartialOfRanks([realized, predicted, move]);
        var breakoutPartial = RankCorrelation.PartialOfRanks([realized, predicted, move, breakout]);

        var nullPartials = new List<double>();
        var nullBreakoutPartials = new List<double>();
        foreach (var shifted in shiftedPredictions)
        {
            var ranks = RankCorrelation.Ranks(shifted);
            nullPartials.Add(RankCorrelation.PartialOfRanks([realized, ranks, move]));
            nullBreakoutPartials.Add(RankCorrelation.PartialOfRanks([realized, ranks, move, breakout]));
        }

        var copies = shiftedPredictions.Count + 1;
        var rank = ShiftedOpenInterest.Rank(partial, nullPartials);
        var breakoutRank = ShiftedOpenInterest.Rank(breakoutPartial, nullBreakoutPartials);
        var intervals = DayBootstrap.Intervals(columns.Day, settings.BootstrapDraws, new Random(settings.Seed), rows => Partials(columns, rows));
        return new SideScore(
            RankCorrelation.Pearson(realized, predicted),
            RankCorrelation.Pearson(realized, move),
            partial,
            intervals.Length > 0 ? intervals[0] : new Interval(double.NaN, double.NaN),
            breakoutPartial,
            intervals.Length > 1 ? intervals[1] : new Interval(double.NaN, double.NaN),
            new ShiftedOiNull(copies, rank, rank / (double)copies, Median(nullPartials), breakoutRank, breakoutRank / (double)copies, Median(nullBreakoutPartials)),
            new DistanceOnlyScore(
                RankCorrelation.Pearson(realized, distance),
                RankCorrelation.PartialOfRanks([realized, distance, move]),
                RankCorrelation.PartialOfRanks([realized, distance, move, breakout])),
            zones);
    }

    /// <summary>The partial given the move and the partial given the move and breakout, on a resample of rows.</summary>
    private static double[] Partials(SideColumns columns, int[] rows)
    {
        var realized = RankCorrelation.Ranks(columns.Realized.Pick(rows));
        var predicted = RankCorrelation.Ranks(columns.Predicted.Pick(rows));
        var move = RankCorrelation.Ranks(columns.Move.Pick(rows));
        var breakout = RankCorrelation.Ranks(columns.Breakout.Pick(rows));
        return [RankCorrelation.PartialOfRanks([realized, predicted, move]), RankCorrelation.PartialOfRanks([realized, predicted, move, breakout])];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
