using System.Diagnostics.CodeAnalysis;
namespace LiqBot.Engine.Backtest;

/// <summary>
/// 95 % intervals by block bootstrap over whole days: each draw picks as many days as the sample
/// holds, with replacement, keeps every row of each picked day (intraday dependence stays inside a
/// block), and recomputes the statistics. Percentiles of the draws bound the interval.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Statistical resampling, seeded so a backtest can be repeated; nothing secret depends on it.")]
public static class DayBootstrap
{
    /// <summary>One interval per statistic that <paramref name="statistics"/> returns for a set of rows.</summary>
    public static Interval[] Intervals(IReadOnlyList<int> dayOfRow, int draws, Random random, Func<int[], double[]> statistics)
    {
        var days = Enumerable.Range(0, dayOfRow.Count).GroupBy(r => dayOfRow[r]).Select(g => g.ToArray()).ToArray();
        if (days.Length == 0 || draws <= 0)
        {
            return [];
        }

        var samples = new List<double[]>(draws);
        var rows = new List<int>(dayOfRow.Count * 2);
        for (var d = 0; d < draws; d++)
        {
            rows.Clear();
            for (var k = 0; k < days.Length; k++)
            {
                rows.AddRange(days[random.Next(days.Length)]);
            }

            samples.Add(statistics([.. rows]));
        }

        return Enumerable.Range(0, samples[0].Length)
            .Select(s => Percentiles(samples.Select(v => v[s]).Where(v => !double.IsNaN(v)).Order().ToArray()))
            .ToArray();
    }

    private static Interval Percentiles(double[] sorted) =>
        sorted.Length == 0 ? new Interval(double.NaN, double.NaN) : new Interval(Quantile(sorted, 0.025), Quantile(sorted, 0.975));

    /// <summary>Linear interpolation between order statistics (the common "type 7" quantile).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
