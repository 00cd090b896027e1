using BenchmarkDotNet.Running;
using LiqBot.Benchmarks.Engine;

// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- state-size
if (args is ["state-size"])
{
    StateSize.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StateSize).Assembly).Run(args);
