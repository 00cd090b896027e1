using BenchmarkDotNet.Attributes;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Benchmarks.Engine;

/// <summary>
/// Target (issue 5): evaluating all rules for one price tick with 10,000 subscriptions under 50 us.
/// 9,000 chats keep the defaults; 1,000 spread over 50 custom threshold sets.
/// </summary>
[MemoryDiagnoser]
public class AlertBenchmarks
{
    private SymbolAlertRules _rules = null!;
    private double _nearPrice;
    private double _farPrice;
    private DateTimeOffset _time;
    private int _tick;

    [GlobalSetup]
    public void Setup()
    {
        var bars = SyntheticBars.Generate(8_640, TimeSpan.FromMinutes(5));
        var book = new LiquidationBook("BTCUSDT", new ModelOptions());
        book.ApplyHistory(bars[..^1]);
        _rules = new SymbolAlertRules(book);
        var subscribers = new List<AlertSubscriber>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            var thresholds = i < 9_000 ? AlertThresholds.Default : AlertThresholds.Default with { ProximityPct = 0.2 + (i % 50 * 0.05), MinZoneUsd = 1e6 * (i % 7) };
            subscribers.Add(new AlertSubscriber(i, AlertKinds.All, thresholds));
        }

        _rules.SetSubscribers(subscribers);
        _rules.OnBarClosed(bars[^1]);
        var nearest = ZoneFinder.FindAll(book.Snapshot(TimeWindow.H24), new ZoneOptions()).First(z => z.Side == PositionSide.Long);
        _nearPrice = nearest.High * 1.002;
        _farPrice = book.Price;
        _time = bars[^1].CloseTime;
        _rules.OnPrice(_time.AddSeconds(1), _nearPrice); // fire once; later ticks are steady state
    }

    [Benchmark(Description = "Price tick, 10,000 subscriptions, hovering in a zone's threshold")]
    public int TickNearZone() => _rules.OnPrice(_time.AddSeconds(2 + (_tick++ % 1000 * 0.001)), _nearPrice).Count;

    [Benchmark(Description = "Price tick, 10,000 subscriptions, no zone near")]
    public int TickFarFromZones() => _rules.OnPrice(_time.AddSeconds(2 + (_tick++ % 1000 * 0.001)), _farPrice).Count;
}
