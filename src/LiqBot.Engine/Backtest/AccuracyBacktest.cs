using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Backtest;

/// <summary>
/// Replays bars causally. For each bar t after the warm-up, from the book at the end of bar t-1:
/// predicted long = long notional with a level in [low_t, close_t-1], predicted short = short
/// notional in [close_t-1, high_t]; the baseline knows only the move (close_t-1 - low_t,
/// high_t - close_t-1). Both are scored against bar t's realized liquidations.
/// </summary>
public static class AccuracyBacktest
{
    public static readonly DateTimeOffset DefaultSplit = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static BacktestReport Run(IReadOnlyList<Bar> bars, DateTimeOffset split, ModelOptions options, TimeSpan? warmUp = null)
    {
        var warmUpEnd = bars.Count == 0 ? DateTimeOffset.MinValue : bars[0].OpenTime + (warmUp ?? TimeSpan.FromDays(1));
        var book = new LiquidationBook("BACKTEST", options);
        var inSample = new Sample();
        var outOfSample = new Sample();
        Bar? previous = null;
        foreach (var bar in bars)
        {
            if (previous is { } prior && bar.OpenTime >= warmUpEnd && bar.LiquidatedLongUsd is { } realizedLong && bar.LiquidatedShortUsd is { } realizedShort)
            {
                var sample = bar.OpenTime < split ? inSample : outOfSample;
                sample.Add(
                    PositionSide.Long,
                    predicted: book.NotionalBetween(PositionSide.Long, bar.Low, prior.Close),
                    baseline: Math.Max(0, prior.Close - bar.Low),
                    realized: realizedLong);
                sample.Add(
                    PositionSide.Short,
                    predicted: book.NotionalBetween(PositionSide.Short, prior.Close, bar.High),
                    baseline: Math.Max(0, bar.High - prior.Close),
                    realized: realizedShort);
            }

            book.Apply(bar);
            previous = bar;
        }

        return new BacktestReport(inSample.Count + outOfSample.Count, split, inSample.Score(), outOfSample.Score());
    }

    private sealed class Sample
    {
        private readonly Series _long = new();
        private readonly Series _short = new();

        public int Count => _long.Realized.Count;

        public void Add(PositionSide side, double predicted, double baseline, double realized)
        {
            var series = side == PositionSide.Long ? _long : _short;
            series.Predicted.Add(predicted);
            series.Baseline.Add(baseline);
            series.Realized.Add(realized);
        }

        public SampleScore Score() => new(Count, _long.Score(), _short.Score());
    }

    private sealed class Series
    {
        public List<double> Predicted { get; } = [];

        public List<double> Baseline { get; } = [];

        public List<double> Realized { get; } = [];

        public SideScore Score() => new(
            RankCorrelation.Spearman(Realized, Predicted),
            RankCorrelation.Spearman(Realized, Baseline),
            RankCorrelation.PartialSpearman(Realized, Predicted, Baseline));
    }
}
