using LiqBot.Engine.Backtest;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Backtest;

public sealed class AccuracyBacktestTests
{
    private static readonly BacktestOptions Quick = new() { WarmUp = TimeSpan.FromHours(12), BootstrapDraws = 200 };

    [Fact]
    public void Run_SplitsBarsAfterWarmUpIntoInAndOutOfSample()
    {
        var bars = Synthetic(hours: 72).ToList();

        var report = AccuracyBacktest.Run(bars, bars[100].OpenTime, new ModelOptions(), Quick);

        Assert.Equal(bars.Count - 24, report.Bars);
        Assert.Equal(100 - 24, report.InSample!.Bars);
        Assert.Equal(bars.Count - 100, report.OutOfSample!.Bars);
        Assert.Equal(3, report.InSample.Days);
    }

    [Fact]
    public void Run_BarAfterAGap_IsNotScored()
    {
        var bars = Synthetic(hours: 72).ToList();
        bars.RemoveAt(60);

        var report = AccuracyBacktest.Run(bars, bars[100].OpenTime, new ModelOptions(), Quick);

        Assert.Equal(bars.Count - 24 - 1, report.Bars);
    }

    [Fact]
    public void Run_SplitBeforeTheData_LeavesTheInSampleWindowNull()
    {
        var bars = Synthetic(hours: 72).ToList();

        var report = AccuracyBacktest.Run(bars, bars[0].OpenTime.AddDays(-1), new ModelOptions(), Quick);

        Assert.Null(report.InSample);
        Assert.Equal(report.Bars, report.OutOfSample!.Bars);
    }

    [Fact]
    public void Run_RealizedDrivenByTheBook_ScoresAPositivePartialCorrelation()
    {
        // Realized long liquidations are what the model itself says the bar swept, plus noise:
        // a map that knows its levels must beat the move-only baseline.
        var options = new ModelOptions();
        var shadow = new LiquidationBook("SHADOW", options);
        var random = new Random(11);
        var bars = new List<Bar>();
        foreach (var bar in Synthetic(hours: 200))
        {
            var outcome = shadow.Apply(bar);
            bars.Add(bar with
            {
                LiquidatedLongUsd = outcome.SweptLongUsd + (random.NextDouble() * 1e5),
                LiquidatedShortUsd = outcome.SweptShortUsd + (random.NextDouble() * 1e5),
            });
        }

        var report = AccuracyBacktest.Run(bars, bars[^1].OpenTime.AddDays(1), options);

        var sample = report.InSample!;
        Assert.True(sample.Long.PartialSpearman > 0.3, $"partial {sample.Long.PartialSpearman}");
        Assert.True(sample.Short.PartialSpearman > 0.3, $"partial {sample.Short.PartialSpearman}");
        Assert.InRange(sample.Long.PartialSpearman, sample.Long.PartialCi.Low, sample.Long.PartialCi.High);

        // Realized follows the real OI's cohorts, so no shifted copy of the OI series scores as well.
        Assert.Equal(1, sample.Long.ShiftedOi.Rank);
        Assert.Equal(0.05, sample.Long.ShiftedOi.P, 12);
        Assert.Equal(1, sample.Short.ShiftedOi.Rank);
        Assert.True(sample.Long.BreakoutPartial > 0.2, $"breakout partial {sample.Long.BreakoutPartial}");
    }

    [Fact]
    public void Run_SameSeed_SameReport()
    {
        var bars = Synthetic(hours: 72).Select((b, i) => b with { LiquidatedLongUsd = (i * 7919) % 101, LiquidatedShortUsd = (i * 104729) % 97 }).ToList();

        var first = AccuracyBacktest.Run(bars, bars[100].OpenTime, new ModelOptions(), Quick);
        var again = AccuracyBacktest.Run(bars, bars[100].OpenTime, new ModelOptions(), Quick);

        Assert.Equal(first.InSample!.Long.PartialCi, again.InSample!.Long.PartialCi);
        Assert.Equal(first.OutOfSample!.Short.BreakoutPartialCi, again.OutOfSample!.Short.BreakoutPartialCi);
    }

    private static IEnumerable<Bar> Synthetic(int hours)
    {
        var random = new Random(3);
        var price = 100_000.0;
        var openInterest = 5e9;
        var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < hours * 2; i++)
        {
            var close = price * (1 + ((random.NextDouble() - 0.5) * 0.02));
            var high = Math.Max(price, close) * (1 + (random.NextDouble() * 0.005));
            var low = Math.Min(price, close) * (1 - (random.NextDouble() * 0.005));
            openInterest *= 1 + ((random.NextDouble() - 0.45) * 0.01);
            yield return new Bar(start.AddMinutes(30 * i), TimeSpan.FromMinutes(30), price, high, low, close, openInterest, LiquidatedLongUsd: 0, LiquidatedShortUsd: 0);
            price = close;
        }
    }
}
