using BenchmarkDotNet.Attributes;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Benchmarks.Engine;

/// <summary>Targets (issue 2): rebuild 30 days of 5-minute bars under 50 ms; one zone query under 1 ms; one realized liquidation under 200 ns.</summary>
[MemoryDiagnoser]
public class BookBenchmarks
{
    private Bar[] _month = [];
    private LiquidationBook _book = null!;
    private RealizedLiquidation _liquidation;

    [GlobalSetup]
    public void Setup()
    {
        _month = SyntheticBars.Generate(8_640, TimeSpan.FromMinutes(5));
        _book = new LiquidationBook("BTCUSDT", new ModelOptions());
        _book.ApplyHistory(_month);
        _liquidation = new RealizedLiquidation(_month[^1].CloseTime, PositionSide.Long, 76_000, 125_000);
    }

    [Benchmark(Description = "Rebuild book from 8,640 5-min bars (30 d)")]
    public LiquidationBook Rebuild30Days()
    {
        var book = new LiquidationBook("BTCUSDT", new ModelOptions());
        book.ApplyHistory(_month);
        return book;
    }

    [Benchmark(Description = "Zone query (24h snapshot + zones)")]
    public IReadOnlyList<Zone> ZoneQuery() => ZoneFinder.Find(_book.Snapshot(TimeWindow.H24));

    [Benchmark(Description = "Zone query (30d snapshot + zones)")]
    public IReadOnlyList<Zone> ZoneQuery30Days() => ZoneFinder.Find(_book.Snapshot(TimeWindow.D30));

    [Benchmark(Description = "Apply one realized liquidation", OperationsPerInvoke = 1_000)]
    public void ApplyRealizedLiquidation()
    {
        for (var i = 0; i < 1_000; i++)
        {
            _book.Apply(_liquidation);
        }
    }
}
