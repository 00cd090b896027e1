using System.Runtime.InteropServices;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// The decode + apply benchmarks timed by this thread's CPU clock (CLOCK_THREAD_CPUTIME_ID) instead of
/// the wall clock: on a shared, overloaded machine the wall clock also counts the time other processes
/// held the core, the thread's CPU clock only the time it ran, which is what "records per second on one
/// core" asks. Same frames and processors as BenchmarkDotNet's runs; Linux only.
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- decode-cpu [iterations]
/// </summary>
internal static class DecodeCpuTime
{
    private const int ThreadCpuClock = 3;

    public static void Print(int iterations, TextWriter output)
    {
        // A fresh benchmark object per stream, as BenchmarkDotNet does: the processors' state must not carry over.
        (string Name, Func<(Action Next, Func<double> Run, int Records)> Create)[] cases =
        [
            ("Binance aggTrade", () => Binance(b => (b.NextTrades, b.AggTradeRecords))),
            ("Binance kline_1m", () => Binance(b => (b.NextKlines, b.KlineRecords))),
            ("Binance markPrice@1s", () => Binance(b => (b.NextMarks, b.MarkPriceRecords))),
            ("Binance forceOrder", () => Binance(b => (b.NextLiquidations, b.ForceOrderRecords))),
            ("OKX trades", () => Okx(o => (o.NextTrades, o.TradeRecords))),
            ("OKX candle1m", () => Okx(o => (o.NextCandles, o.CandleRecords))),
            ("OKX open-interest", () => Okx(o => (o.NextOpenInterest, o.OpenInterestRecords))),
            ("OKX liquidation-orders", () => Okx(o => (o.NextLiquidations, o.LiquidationRecords))),
            ("Bybit publicTrade", () => Bybit(b => b.TradeRecords)),
            ("Bybit allLiquidation", () => Bybit(b => b.LiquidationRecords)),
        ];
        output.WriteLine($"{"stream",-24} {"median",9} {"best",9} {"records/s (median)",19} {"allocated",10}   (thread CPU time per record, {iterations} iterations)");
        foreach (var (name, create) in cases)
        {
            var (next, run, records) = create();
            var perRecord = new double[iterations];
            var allocated = 0L;
            for (var i = -3; i < iterations; i++)
            {
                next();
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var start = Now();
                run();
                if (i >= 0)
                {
                    perRecord[i] = (Now() - start) / records;
                    allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                }
            }
            Array.Sort(perRecord);
            var median = perRecord[iterations / 2];
            output.WriteLine($"{name,-24} {median,6:F0} ns {perRecord[0],6:F0} ns {1e9 / median,17:N0} {allocated / (double)(iterations * (long)records),8:F2} B");
        }
    }

    private static (Action, Func<double>, int) Binance(Func<BinanceDecodeBenchmarks, (Action, Func<double>)> pick)
    {
        var benchmark = new BinanceDecodeBenchmarks();
        benchmark.Setup();
        var (next, run) = pick(benchmark);
        return (next, run, benchmark.Records);
    }

    private static (Action, Func<double>, int) Okx(Func<OkxDecodeBenchmarks, (Action, Func<double>)> pick)
    {
        var benchmark = new OkxDecodeBenchmarks();
        benchmark.Setup();
        var (next, run) = pick(benchmark);
        return (next, run, benchmark.Records);
    }

    private static (Action, Func<double>, int) Bybit(Func<FrameDecodeBenchmarks, Func<long>> pick)
    {
        var benchmark = new FrameDecodeBenchmarks();
        benchmark.Setup();
        var run = pick(benchmark);
        return (() => { }, () => run(), FrameDecodeBenchmarks.Records);
    }

    private static double Now() => ClockGetTime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1e9) + time.Nanoseconds : throw new InvalidOperationException("No thread CPU clock.");

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
