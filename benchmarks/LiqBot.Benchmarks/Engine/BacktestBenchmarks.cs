using BenchmarkDotNet.Attributes;
using LiqBot.Engine.Backtest;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges.Replay;

namespace LiqBot.Benchmarks.Engine;

/// <summary>
/// Target (issue 15): `backtest` on the 1-hour file under 10 s whole process. One pass is the real
/// replay, 19 shifted-OI replays, the price-only nulls, 1,000 day-block bootstrap draws per window
/// and side, and the zone check.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private IReadOnlyList<Bar> _hourly = [];

    [GlobalSetup]
    public void Setup() => _hourly = BarCsvFile.Read(SamplePath("btc-1h-oi-liquidations-2025-12-04_2026-02-28.csv"), "BTCUSDT").Bars;

    [Benchmark(Description = "Backtest, 1-hour file (2,078 bars), one full pass")]
    public BacktestReport BacktestHourly() => AccuracyBacktest.Run(_hourly, AccuracyBacktest.DefaultSplit, new ModelOptions());

    private static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"samples/{name} not found above {AppContext.BaseDirectory}");
    }
}
