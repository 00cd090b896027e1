using LiqBot.Engine.Backtest;

namespace LiqBot.Engine.Tests.Backtest;

public sealed class DayBootstrapTests
{
    private static readonly int[] TwoDaysOfTwoRows = [1, 1, 2, 2];
    private static readonly double[] Values = [0, 0, 1, 1];

    [Fact]
    public void Intervals_SameSeed_SameIntervals()
    {
        int[] days = [1, 1, 2, 2, 3, 4, 4, 5];
        double[] values = [0.3, 0.1, 0.9, 0.4, 0.2, 0.8, 0.7, 0.5];

        var first = DayBootstrap.Intervals(days, 1_000, new Random(15), rows => [rows.Average(r => values[r])]);
        var again = DayBootstrap.Intervals(days, 1_000, new Random(15), rows => [rows.Average(r => values[r])]);
        var other = DayBootstrap.Intervals(days, 1_000, new Random(16), rows => [rows.Average(r => values[r])]);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Intervals_TwoDays_ResampleWholeDays()
    {
        // Days are drawn whole: a draw holds day 1 twice (mean 0), day 2 twice (mean 1) or one of each
        // (0.5), never a mix of single rows; with 1,000 draws both extremes occur, so the interval is [0, 1].
        var seen = new HashSet<double>();

        var interval = Assert.Single(DayBootstrap.Intervals(TwoDaysOfTwoRows, 1_000, new Random(15), rows =>
        {
            Assert.Equal(4, rows.Length);
            var mean = rows.Average(r => Values[r]);
            seen.Add(mean);
            return [mean];
        }));

        Assert.Equal(new Interval(0, 1), interval);
        Assert.Equal([0, 0.5, 1], seen.Order());
    }

    [Fact]
    public void Intervals_OneDay_IsThePointEstimate() =>
        Assert.Equal(new Interval(0.5, 0.5), Assert.Single(DayBootstrap.Intervals([7, 7], 100, new Random(1), rows => [rows.Length / 4.0])));
}
