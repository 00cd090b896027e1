using System.Reflection;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*'
// Not typeof(Program): the host's top-level Program is visible here too (InternalsVisibleTo), and CS0436 breaks the build.
BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
