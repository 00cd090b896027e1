using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Market;

/// <summary>
/// Book to rows to book: three venues' live events (bars and realized liquidations) go through one market as
/// they would live; a second market sees the same events but is "restarted" halfway: its liquidations are
/// stored through the real store in a real SQLite file, a new market is given them back by
/// <see cref="RealizedRestore.Replay"/>, then gets the bars again (the warm start) and the rest live. The
/// heatmap and the cascade verdicts must be the ones of the market that never restarted.
/// </summary>
public sealed class RealizedRoundTripTests : IAsyncLifetime
{
    private static readonly Venue[] Venues = [Venue.Bybit, Venue.Binance, Venue.Okx];
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly ModelOptions Options = new() { MaxRealizedPoints = 8192 };
    private static readonly AlertThresholds Cascade = AlertThresholds.Default with { CascadeUsd = 3_000_000, CascadeWindow = TimeSpan.FromMinutes(30), Cooldown = TimeSpan.FromMinutes(30) };

    private readonly TempDirectory _folder = new();
    private StorageDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = StorageDatabase.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("liqbot.db") }, TimeProvider.System, NullLoggerFactory.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.3)]
    [InlineData(3, 0.77)]
    public async Task RestartedMarket_ShowsTheSameHeatmap_AndRaisesTheSameCascades(int seed, double killAt)
    {
        var events = LiveEvents(seed, hours: 8);
        var kill = (int)(events.Count * killAt);

        var neverRestarted = NewMarket();
        var expected = events.SelectMany(e => neverRestarted.Apply(e.Venue, e.Event)).ToList();

        var beforeKill = NewMarket();
        var raised = events.Take(kill).SelectMany(e => beforeKill.Apply(e.Venue, e.Event)).ToList();
        var raisedBeforeKill = raised.Select(a => a.DedupeKey).ToList();
        var store = new SqlRealizedStore(_database);
        await store.WriteAsync(new RealizedBatch(
            [.. events.Take(kill).Where(e => e.Event is LiquidationReported).Select(e => new StoredLiquidation(e.Venue.Key, "BTCUSDT", ((LiquidationReported)e.Event).Liquidation))],
            [], new Dictionary<string, DateTimeOffset>()), CancellationToken.None);

        var restarted = NewMarket();
        var stored = new List<(Venue, RealizedLiquidation)>();
        foreach (var venue in Venues)
        {
            stored.AddRange((await store.LoadAsync(venue.Key, "BTCUSDT", Start.AddDays(-1), Options.MaxRealizedPoints, CancellationToken.None)).Liquidations.Select(l => (venue, l)));
        }

        var replayed = RealizedRestore.Replay(restarted, stored);
        raised.AddRange(replayed);
        raised.AddRange(events.Take(kill).Where(e => e.Event is BarClosed).SelectMany(e => restarted.Apply(e.Venue, e.Event))); // the warm start
        raised.AddRange(events.Skip(kill).SelectMany(e => restarted.Apply(e.Venue, e.Event)));

        Assert.True(expected.Count >= 3, $"the scenario raises cascades to compare ({expected.Count})");
        // Each cascade once per key (the outbox's dedupe), the same keys and texts as without the restart.
        Assert.Equal(expected.Select(a => (a.DedupeKey, a.Text)), raised.DistinctBy(a => a.DedupeKey).Select(a => (a.DedupeKey, a.Text)));
        // The replay reached the verdicts of before the kill: the same alerts (queued already: the key keeps each to one delivery).
        Assert.Equal(raisedBeforeKill, replayed.Select(a => a.DedupeKey));
        foreach (var window in new[] { TimeWindow.H12, TimeWindow.D30 })
        {
            var (_, want) = neverRestarted.Read(window, withHeatmap: true);
            var (_, got) = restarted.Read(window, withHeatmap: true);
            Assert.Equal(Points(want!), Points(got!));
            Assert.Equal(want!.Columns.Count, got!.Columns.Count);
            Assert.All(want.Columns.Zip(got.Columns), pair =>
            {
                Assert.Equal((pair.First.Start, pair.First.Close), (pair.Second.Start, pair.Second.Close));
                Assert.Equal(pair.First.Cells, pair.Second.Cells);
            });
        }
    }

    [Fact]
    public void Replay_TicksTheRulesAtEveryMinuteClose_AsTheBarsDidLive_SoACascadeReArmsAsItDid()
    {
        // $3.5M fires; the bar closing 00:31 finds the window empty after the 30-minute cooldown and re-arms the
        // rule; $2M and $1.2M then fire again. Without that tick the $2M would find the rule unarmed above half the
        // threshold and the second cascade would not fire.
        var liquidations = new[] { (0, 30, 3_500_000.0), (31, 10, 2_000_000.0), (31, 20, 1_200_000.0) }
            .Select(p => new RealizedLiquidation(Start.AddMinutes(p.Item1).AddSeconds(p.Item2), PositionSide.Long, 60_000, p.Item3)).ToList();
        var live = NewMarket();
        var raisedLive = new List<Alert>();
        var next = 0;
        for (var minute = 0; minute < 33; minute++)
        {
            var open = Start.AddMinutes(minute);
            for (; next < liquidations.Count && liquidations[next].Time < open.AddMinutes(1); next++)
            {
                raisedLive.AddRange(live.Apply(Venue.Bybit, new LiquidationReported("BTCUSDT", liquidations[next])));
            }

            raisedLive.AddRange(live.Apply(Venue.Bybit, new BarClosed("BTCUSDT", new Bar(open, TimeSpan.FromMinutes(1), 60_000, 60_010, 59_990, 60_000, 2e9))));
        }

        var replayed = RealizedRestore.Replay(NewMarket(), liquidations.Select(l => (Venue.Bybit, l)));

        Assert.Equal(2, raisedLive.Count(a => a.Kind == AlertKinds.Cascade && a.SubscriberIds.Contains(1)));
        Assert.Equal(raisedLive.Select(a => a.DedupeKey), replayed.Select(a => a.DedupeKey));
    }

    private static List<RealizedLiquidation> Points(HeatmapSnapshot heatmap) => [.. heatmap.Realized.OrderBy(r => r.Time).ThenBy(r => r.Price).ThenBy(r => r.NotionalUsd)];

    private static SymbolMarket NewMarket()
    {
        var market = new SymbolMarket("BTCUSDT", Options, Venues);
        market.Rules.SetSubscribers([new AlertSubscriber(1, AlertKinds.Cascade, Cascade), new AlertSubscriber(2, AlertKinds.Cascade, Cascade with { CascadeUsd = 5_000_000 })]);
        return market;
    }

    /// <summary>
    /// Minute by minute, each venue's liquidations (a few, with bursts now and then) in time order across the
    /// venues, then each venue's bar of the minute: the order the bot receives them live.
    /// </summary>
    private static List<(Venue Venue, MarketEvent Event)> LiveEvents(int seed, int hours)
    {
        var random = new Random(seed);
        var events = new List<(Venue, MarketEvent)>();
        var price = 60_000.0;
        var openInterest = Venues.ToDictionary(v => v, _ => 2e9);
        for (var minute = 0; minute < hours * 60; minute++)
        {
            var open = Start.AddMinutes(minute);
            var burst = random.NextDouble() < 0.03;
            var liquidations = new List<(Venue, MarketEvent)>();
            foreach (var venue in Venues)
            {
                for (var i = random.Next(burst ? 20 : 3); i > 0; i--)
                {
                    var at = open.AddMilliseconds(1 + random.Next(59_998));
                    var side = random.NextDouble() < 0.5 ? PositionSide.Long : PositionSide.Short;
                    var usd = Math.Round(Math.Exp(random.NextDouble() * 12) * (burst ? 3 : 1), 2);
                    liquidations.Add((venue, new LiquidationReported("BTCUSDT", new RealizedLiquidation(at, side, Math.Round(price * (1 + ((random.NextDouble() - 0.5) * 0.002)), 1), usd))));
                }
            }

            events.AddRange(liquidations.OrderBy(l => l.Item2.Time));
            var close = price * (1 + ((random.NextDouble() - 0.5) * 0.004));
            foreach (var venue in Venues)
            {
                openInterest[venue] *= 1 + ((random.NextDouble() - 0.45) * 0.002);
                var high = Math.Max(price, close) * 1.0005;
                var low = Math.Min(price, close) * 0.9995;
                events.Add((venue, new BarClosed("BTCUSDT", new Bar(open, TimeSpan.FromMinutes(1), price, high, low, close, openInterest[venue]))));
            }

            price = close;
        }

        return events;
    }
}
