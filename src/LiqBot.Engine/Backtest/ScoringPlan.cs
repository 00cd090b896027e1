using LiqBot.Engine.Market;

namespace LiqBot.Engine.Backtest;

/// <summary>
/// Which bars are scored: after the warm-up, with realized liquidations known, and right after the
/// previous bar (a bar after a gap in the source would be scored on a move over the gap). Row r
/// scores bar BarIndex[r] from the book as it stood at the close of the bar before it.
/// </summary>
internal sealed class ScoringPlan
{
    private ScoringPlan(int[] barIndex, bool[] outOfSample, int[] day)
    {
        BarIndex = barIndex;
        OutOfSample = outOfSample;
        Day = day;
    }

    public int[] BarIndex { get; }

    public bool[] OutOfSample { get; }

    /// <summary>The UTC day of each row (days since 0001-01-01), the block of the bootstrap.</summary>
    public int[] Day { get; }

    public int Count => BarIndex.Length;

    public static ScoringPlan Of(IReadOnlyList<Bar> bars, DateTimeOffset split, TimeSpan warmUp)
    {
        var rows = new List<int>();
        var warmUpEnd = bars.Count == 0 ? DateTimeOffset.MinValue : bars[0].OpenTime + warmUp;
        for (var i = 1; i < bars.Count; i++)
        {
            var bar = bars[i];
            if (bar.OpenTime >= warmUpEnd && bars[i - 1].CloseTime == bar.OpenTime && bar.LiquidatedLongUsd is not null && bar.LiquidatedShortUsd is not null)
            {
                rows.Add(i);
            }
        }

        var barIndex = rows.ToArray();
        return new ScoringPlan(
            barIndex,
            barIndex.Select(i => bars[i].OpenTime >= split).ToArray(),
            barIndex.Select(i => (int)(bars[i].OpenTime.UtcTicks / TimeSpan.TicksPerDay)).ToArray());
    }

    /// <summary>The rows of one window: in-sample (before the split) or out-of-sample.</summary>
    public int[] RowsOf(bool outOfSample) => Enumerable.Range(0, Count).Where(r => OutOfSample[r] == outOfSample).ToArray();
}
