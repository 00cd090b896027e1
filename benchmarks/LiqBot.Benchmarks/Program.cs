using System.Reflection;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*'
// Not typeof(Program): the host's top-level Program is visible here too (InternalsVisibleTo), CS0436.
BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
