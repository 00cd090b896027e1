using BenchmarkDotNet.Attributes;
using LiqBot.Exchanges;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// What every received frame costs the feed's bookkeeping: the count and, since venue outages start at the
/// last frame, its timestamp on the feed's clock (the system's coarse tick), beside the two clocks it could read.
/// In process for the reason <c>RenderBenchmarks</c> gives.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[MedianColumn]
public class FeedCountersBenchmarks
{
    private readonly FeedCounters counters = new(TimeProvider.System);
    private long frames;

    /// <summary>The count alone, as a frame cost before outages were tracked.</summary>
    [Benchmark(Baseline = true)]
    public long CountOnly() => Interlocked.Increment(ref frames);

    [Benchmark]
    public void Frame() => counters.Frame();

    [Benchmark]
    public long TickCount() => Environment.TickCount64;

    [Benchmark]
    public long StopwatchTimestamp() => System.Diagnostics.Stopwatch.GetTimestamp();
}
