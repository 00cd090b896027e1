using System.Globalization;
using LiqBot.Engine.Backtest;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Benchmarks.Engine;

/// <summary>
/// Scores a small grid of model parameters on the in-sample bars only (before the split), so the
/// defaults are chosen without looking at the out-of-sample window. Prints no out-of-sample figure.
/// </summary>
internal static class InSampleTuning
{
    public static void Print(IReadOnlyList<Bar> bars, TextWriter output)
    {
        var inSample = bars.Where(b => b.OpenTime < AccuracyBacktest.DefaultSplit).ToList();
        IReadOnlyList<LeverageTier>[] tierSets =
        [
            ModelOptions.DefaultTiers,
            [new(5, 0.10), new(10, 0.25), new(20, 0.25), new(25, 0.15), new(50, 0.15), new(100, 0.10)],
            [new(10, 0.35), new(25, 0.30), new(50, 0.20), new(100, 0.15)],
            [new(3, 0.20), new(5, 0.25), new(10, 0.30), new(20, 0.15), new(50, 0.10)],
        ];
        output.WriteLine("tiers half-life mmr     long-partial short-partial mean");
        for (var t = 0; t < tierSets.Length; t++)
        {
            foreach (var halfLifeDays in new[] { 1.0, 3, 7, 14, 30 })
            {
                foreach (var mmr in new[] { 0.004, 0.005 })
                {
                    var options = new ModelOptions { Tiers = tierSets[t], HalfLife = TimeSpan.FromDays(halfLifeDays), MaintenanceMarginRate = mmr };
                    var score = AccuracyBacktest.Run(inSample, AccuracyBacktest.DefaultSplit, options).InSample!;
                    var mean = (score.Long.PartialSpearman + score.Short.PartialSpearman) / 2;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t,5} {halfLifeDays,9} {mmr,5} {score.Long.PartialSpearman,12:0.000} {score.Short.PartialSpearman,13:0.000} {mean,6:0.000}"));
                }
            }
        }
    }
}
