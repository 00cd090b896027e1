using BenchmarkDotNet.Attributes;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Benchmarks.Engine;

/// <summary>
/// Target (issue 5): evaluating all rules for one price tick with 10,000 subscriptions under 50 us.
/// 9,000 chats keep the defaults; 1,000 spread over 50 custom threshold sets. With 3 books the rules watch
/// three venues' books (the same history at a basis of +0.03 % and +0.05 %) and find zones on their sum.
/// </summary>
[MemoryDiagnoser]
public class AlertBenchmarks
{
    private SymbolAlertRules _rules = null!;
    private double _nearPrice;
    private double _farPrice;
    private DateTimeOffset _time;
    private int _tick;

    [Params(1, 3)]
    public int Books { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bars = SyntheticBars.Generate(8_640, TimeSpan.FromMinutes(5));
        var books = new List<AlertBook>();
        for (var b = 0; b < Books; b++)
        {
            var basis = 1 + (b * 0.0003);
            var venueBook = new LiquidationBook("BTCUSDT", new ModelOptions());
            venueBook.ApplyHistory(bars[..^1].Select(bar => bar with { Open = bar.Open * basis, High = bar.High * basis, Low = bar.Low * basis, Close = bar.Close * basis, Vwap = bar.Vwap * basis }).ToArray());
            books.Add(new AlertBook($"venue{b}", "complete", SeesEveryLiquidation: true, venueBook));
        }

        var book = books[0].Book;
        _rules = new SymbolAlertRules(books);
        var subscribers = new List<AlertSubscriber>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            var thresholds = i < 9_000 ? AlertThresholds.Default : AlertThresholds.Default with { ProximityPct = 0.2 + (i % 50 * 0.05), MinZoneUsd = 1e6 * (i % 7) };
            subscribers.Add(new AlertSubscriber(i, AlertKinds.All, thresholds));
        }

        _rules.SetSubscribers(subscribers);
        _rules.OnBarClosed(bars[^1]);
        var summed = AggregateBook.Sum([.. books.Select(b => b.Book.Snapshot(TimeWindow.H24))], "");
        var nearest = ZoneFinder.FindAll(summed, new ZoneOptions()).First(z => z.Side == PositionSide.Long);
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
