using System.Globalization;
using LiqBot.Engine.Backtest;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Benchmarks.Engine;

/// <summary>
/// Scores model variants on development data only: every file is cut at the split (2026-06-01),
/// so no out-of-sample bar is read. For each variant and file: per side the partial given the move,
/// the partial given the move and breakout, and the real OI series' rank among its 19 shifts.
/// </summary>
internal static class DevelopmentTuning
{
    private static readonly BacktestOptions NoBootstrap = new() { BootstrapDraws = 0 };

    public static void Print(IReadOnlyList<(string Name, IReadOnlyList<Bar> Bars)> files, TextWriter output)
    {
        var development = files.Select(f => (f.Name, Bars: (IReadOnlyList<Bar>)f.Bars.Where(b => b.OpenTime < AccuracyBacktest.DefaultSplit).ToList())).ToList();
        output.WriteLine($"{"variant",-34} {"file",-12} {"bars",5} {"L partial",9} {"L +brk",7} {"L rank",6} {"S partial",9} {"S +brk",7} {"S rank",6}");
        foreach (var (variant, options) in ModelVariants.All)
        {
            foreach (var (name, bars) in development)
            {
                var sample = AccuracyBacktest.Run(bars, AccuracyBacktest.DefaultSplit, options, NoBootstrap).InSample;
                if (sample is null)
                {
                    continue;
                }

                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{variant,-34} {name,-12} {sample.Bars,5} {sample.Long.PartialSpearman,9:0.000} {sample.Long.BreakoutPartial,7:0.000} {sample.Long.ShiftedOi.Rank,6} {sample.Short.PartialSpearman,9:0.000} {sample.Short.BreakoutPartial,7:0.000} {sample.Short.ShiftedOi.Rank,6}"));
            }
        }
    }
}
