using BenchmarkDotNet.Running;
using LiqBot.Benchmarks.Engine;

// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- state-size
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- first-render
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- tune samples/btc-30m-oi-liquidations-2026-05-21_2026-06-07.csv
if (args is ["state-size"])
{
    StateSize.Print(Console.Out);
    return;
}

if (args is ["first-render"])
{
    LiqBot.Benchmarks.Rendering.FirstRender.Print(Console.Out);
    return;
}

if (args is ["tune", var file])
{
    InSampleTuning.Print(LiqBot.Exchanges.Replay.BarCsvFile.Read(file, "BTCUSDT").Bars, Console.Out);
    return;
}

// Not typeof(Program): the host's top-level Program is visible here too (InternalsVisibleTo), and CS0436 breaks the build.
BenchmarkSwitcher.FromAssembly(typeof(StateSize).Assembly).Run(args);
