using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
