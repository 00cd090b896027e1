using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LiqBot.Cli;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Replay;
using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;
using LiqBot.Hosting;
using LiqBot.Market;
using LiqBot.Resilience;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiqBot.Tests.Exchanges.Replay;

/// <summary>
/// `record` against the three fake venues over real sockets, beside a live consumer wired as the bot wires
/// it: the recording replays into the same per-venue books and the same summed map, and every data verb reads it.
/// </summary>
public sealed class ThreeVenueRecordingTests : IDisposable
{
    private const string Btc = "BTCUSDT";
    private const string BtcSwap = "BTC-USDT-SWAP";
    private static readonly Venue[] All = [Venue.Bybit, Venue.Binance, Venue.Okx];

    // Counted from the first live event (after the warm start and subscribing, which a loaded machine slows):
    // the pushes below must land inside it, so it is long enough to be only a bound, not a race.
    private const string RecordFor = "90s";
    private readonly TempDirectory _folder = new();
    private DateTimeOffset _pushedUntil;

    [Fact]
    public async Task Record_ThreeVenues_ReplaysIntoTheLiveBooks_AndTheDataVerbsReadIt()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        await using var binance = await FakeBinanceServer.StartAsync();
        await using var okx = await FakeOkxServer.StartAsync();
        var historyEnd = TimeGrid.Floor(TimeProvider.System.GetUtcNow(), TimeGrid.FiveMinutes) - TimeSpan.FromMinutes(10);
        (bybit.HistoryEnd, binance.HistoryEnd, okx.HistoryEnd) = (historyEnd, historyEnd, historyEnd);
        binance.HeartbeatMark = 61_000;
        binance.OpenInterestBtc = 81_000; // polled over REST at each minute close: only the recording can keep it
        var configuration = Configuration(bybit, binance, okx);
        var path = _folder.File("three.jsonl.gz");

        // The live bot's side: the same wiring, its events applied to per-venue books as the market worker does.
        await using var live = LiveFeeds(configuration);
        var liveEvents = new ConcurrentQueue<VenueEvent>();
        using var stop = new CancellationTokenSource();
        var consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in live.GetRequiredService<VenueFeeds>().StreamAsync(stop.Token))
                {
                    liveEvents.Enqueue(e);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { RecordVerb.Create(stdout, configuration) };
        var recording = root.Parse(["record", "--symbol", "btc", "--duration", RecordFor, "--history", "30m", "--out", path]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        var feeds = live.GetRequiredService<VenueFeeds>();
        await Eventually.UntilAsync(
            () => feeds.All.All(f => f.Source.Status.IsLive) && bybit.Subscriptions.Count >= 2 && binance.Host.Connections >= 2 && okx.Subscriptions.Count >= 8,
            "both the live consumer and the recorder subscribed to every venue");

        var m0 = VenueHarness.NextMinuteMs;
        _pushedUntil = DateTimeOffset.FromUnixTimeMilliseconds(m0 + 180_000);
        // OKX's open interest and liquidations come on the public socket, its candles on the business one: they
        // must be read by both consumers before the candle that takes them, so they go first and the other venues' pushes
        // (some hundred frames) come between.
        var okxSource = feeds.All.Single(f => f.Venue == Venue.Okx).Source;
        var okxFrames = okxSource.Counters!.Frames;
        await okx.Host.PushAsync(FakeOkxFrames.OpenInterest(BtcSwap, m0 + 1_000, 7_000_000, 0.01, 4_200_000_000), FakeOkxServer.PublicPath);
        await okx.Host.PushAsync(FakeOkxFrames.Liquidation(BtcSwap, m0 + 4_000, "buy", 20, 60_100), FakeOkxServer.PublicPath);
        await Eventually.UntilAsync(() => okxSource.Counters!.Frames >= okxFrames + 2, "the live consumer read the open interest and liquidation pushes");
        await PushBybitAsync(bybit, m0);
        await PushBinanceAsync(binance, m0);
        await PushOkxAsync(okx, m0);
        await Eventually.UntilAsync(() => LiveBarsAt(liveEvents, m0 + 60_000) == 3, "every venue's live bar of m0+1 reached the live consumer");

        Assert.Equal(0, await recording);
        Assert.StartsWith("recorded BTCUSDT to ", stdout.ToString(), StringComparison.Ordinal);
        await stop.CancelAsync();
        await consumer;

        // Replay: the bot's replay wiring, one source per recorded venue.
        var replayed = new List<VenueEvent>();
        foreach (var (venue, source) in MarketDataFile.OpenReplay(path, Btc, speed: null, TimeProvider.System))
        {
            await foreach (var e in source.StreamAsync(CancellationToken.None))
            {
                replayed.Add(new VenueEvent(venue, e));
            }
        }

        foreach (var venue in All)
        {
            // The two consumers started a moment apart, so one may have a 5-minute history bar more at the start.
            var from = new[] { FirstBar(liveEvents, venue), FirstBar(replayed, venue) }.Max();
            AssertSame(venue, Of(liveEvents, venue, from), Of(replayed, venue, from));
            Assert.Contains(Of(replayed, venue, from).OfType<BarClosed>(), b => b.Bar.OpenTime.ToUnixTimeMilliseconds() == m0 + 60_000);
        }

        var binanceLive = Of(replayed, Venue.Binance, DateTimeOffset.MinValue).OfType<BarClosed>().Single(b => b.Bar.OpenTime.ToUnixTimeMilliseconds() == m0).Bar;
        Assert.Equal(81_000 * 61_000d, binanceLive.OpenInterestUsd, 3);
        Assert.Contains(Of(replayed, Venue.Okx, DateTimeOffset.MinValue).OfType<LiquidationReported>(), l => l.Liquidation.Price == 60_100);

        var start = All.Max(v => new[] { FirstBar(liveEvents, v), FirstBar(replayed, v) }.Max());
        var liveMap = Map(liveEvents.Where(e => Within(e.Event, start)));
        var replayMap = Map(replayed.Where(e => Within(e.Event, start)));
        Assert.Equal(liveMap.Totals(PositionSide.Long), replayMap.Totals(PositionSide.Long));
        Assert.Equal(liveMap.Totals(PositionSide.Short), replayMap.Totals(PositionSide.Short));
        Assert.Equal(liveMap.Price, replayMap.Price);

        // The data verbs read it: the sum of the three venues, or one.
        var zones = await CliRun.Of("zones", "--data", path, "--symbol", "btc", "--window", "12h", "--json");
        Assert.Equal(0, zones.ExitCode);
        using (var json = JsonDocument.Parse(zones.Stdout))
        {
            Assert.Equal(["bybit", "binance", "okx"], json.RootElement.GetProperty("venues").EnumerateArray().Select(v => v.GetString()));
        }

        var okxOnly = await CliRun.Of("zones", "--data", path, "--venue", "okx", "--json");
        Assert.Equal(0, okxOnly.ExitCode);
        Assert.Contains("\"venues\":[\"okx\"]", okxOnly.Stdout, StringComparison.Ordinal);
        var render = await CliRun.Of("render", "--data", path, "--kind", "heatmap", "--window", "12h", "--out", _folder.File("h.png"));
        Assert.Equal(0, render.ExitCode);
        Assert.StartsWith("BTCUSDT 24h, Binance+Bybit+OKX, price ", (await CliRun.Of("zones", "--data", path)).Stdout, StringComparison.Ordinal);

        // Cut in half, as an interrupted copy leaves it: one line, exit 2, for the verbs and for run.
        var bytes = await File.ReadAllBytesAsync(path);
        var cut = _folder.File("cut.jsonl.gz");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);
        (await CliRun.Of("zones", "--data", cut)).AssertBadInput(cut);
        (await CliRun.Of("run", "--replay", cut)).AssertBadInput(cut);
    }

    public void Dispose() => _folder.Dispose();

    private static IConfiguration Configuration(FakeBybitServer bybit, FakeBinanceServer binance, FakeOkxServer okx) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Market:Venues:0"] = "bybit",
            ["Market:Venues:1"] = "binance",
            ["Market:Venues:2"] = "okx",
            ["Bybit:RestUrl"] = bybit.RestUrl.ToString(),
            ["Bybit:StreamUrl"] = bybit.StreamUrl.ToString(),
            ["Bybit:WarmStart"] = "00:30:00",
            ["Binance:RestUrl"] = binance.RestUrl.ToString(),
            ["Binance:StreamUrl"] = binance.StreamUrl.ToString(),
            ["Binance:WarmStart"] = "00:30:00",
            ["Okx:RestUrl"] = okx.RestUrl.ToString(),
            ["Okx:PublicStreamUrl"] = okx.PublicStreamUrl.ToString(),
            ["Okx:BusinessStreamUrl"] = okx.BusinessStreamUrl.ToString(),
            ["Okx:WarmStart"] = "00:30:00",
            ["Okx:RequestsPerWindow"] = "1000",
        }).Build();

    /// <summary>Equal lists, or a failure naming the venue and the first event that differs.</summary>
    private static void AssertSame(Venue venue, List<MarketEvent> live, List<MarketEvent> replayed)
    {
        var at = Enumerable.Range(0, Math.Min(live.Count, replayed.Count)).FirstOrDefault(i => live[i] != replayed[i], Math.Min(live.Count, replayed.Count));
        if (at < live.Count || at < replayed.Count)
        {
            Assert.Fail($"{venue.Name}: event {at} of {live.Count} live / {replayed.Count} replayed differs: live {live.ElementAtOrDefault(at)}, replayed {replayed.ElementAtOrDefault(at)}");
        }
    }

    private static ServiceProvider LiveFeeds(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddJitter();
        MarketSourceChoice.AddLive(services, configuration, new MarketOptions { Symbols = [Btc] }, All);
        return services.BuildServiceProvider();
    }

    private static int LiveBarsAt(IEnumerable<VenueEvent> events, long openMs) =>
        events.Where(e => e.Event is BarClosed { Bar: var b } && b.OpenTime.ToUnixTimeMilliseconds() == openMs).Select(e => e.Venue).Distinct().Count();

    private static DateTimeOffset FirstBar(IEnumerable<VenueEvent> events, Venue venue) =>
        events.Where(e => e.Venue == venue).Select(e => e.Event).OfType<BarClosed>().First().Bar.OpenTime;

    private List<MarketEvent> Of(IEnumerable<VenueEvent> events, Venue venue, DateTimeOffset from) =>
        events.Where(e => e.Venue == venue && Within(e.Event, from)).Select(e => e.Event).ToList();

    /// <summary>From <paramref name="from"/> to the minutes pushed (the frames after them only close those and may still be in flight when the recording ends).</summary>
    private bool Within(MarketEvent marketEvent, DateTimeOffset from)
    {
        var time = marketEvent is BarClosed { Bar: var bar } ? bar.OpenTime : marketEvent.Time;
        return time >= from && time < _pushedUntil;
    }

    private static BookSnapshot Map(IEnumerable<VenueEvent> events)
    {
        var market = new SymbolMarket(Btc, new ModelOptions(), All);
        foreach (var (venue, marketEvent) in events)
        {
            market.Apply(venue, marketEvent);
        }

        return market.Read(TimeWindow.H24, withHeatmap: false).Book;
    }

    private static async Task PushBybitAsync(FakeBybitServer fake, long m0)
    {
        await fake.PushAsync(FakeBybitFrames.TickerSnapshot(Btc, m0 + 500, 60_000, 50_000, 3_000_000_000));
        for (var i = 0; i < 3 * 60; i += 7)
        {
            await fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + (i * 1_000), i % 2 == 0, 0.1 + (i % 5), 60_000 + (i % 13)));
            if (i % 3 == 0)
            {
                await fake.PushAsync(FakeBybitFrames.Liquidation(Btc, m0 + (i * 1_000) + 1, i % 2 == 1, 0.5, 59_000));
                await fake.PushAsync(FakeBybitFrames.TickerDelta(Btc, m0 + (i * 1_000) + 2, ("openInterestValue", (3_000_000_000 + (i * 1_000)).ToString(CultureInfo.InvariantCulture))));
            }
        }

        await fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 185_000, true, 1, 60_000));
    }

    private static async Task PushBinanceAsync(FakeBinanceServer fake, long m0)
    {
        await fake.Host.PushAsync(FakeBinanceFrames.MarkPrice(Btc, m0 + 1_000, 61_000));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0, 61_000, 61_050, 60_990, 61_020, 4, 244_080, 2, 122_040, closed: false));
        await fake.Host.PushAsync(FakeBinanceFrames.ForceOrder(Btc, m0 + 5_000, "SELL", 0.5, 60_900));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0, 61_000, 61_100, 60_900, 61_050, 10, 610_300, 6, 366_000, closed: true));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0 + 60_000, 61_050, 61_060, 61_040, 61_055, 1, 61_050, 1, 61_050, closed: false));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0 + 60_000, 61_050, 61_070, 61_030, 61_060, 2, 122_100, 1, 61_050, closed: true));
        await fake.Host.PushAsync(FakeBinanceFrames.Kline(Btc, m0 + 120_000, 61_060, 61_060, 61_040, 61_045, 1, 61_050, 1, 61_050, closed: false));
        await fake.Host.PushAsync(FakeBinanceFrames.AggTrade(Btc, m0 + 185_000, 61_000, 0.1, buyerIsMaker: false));
    }

    private static async Task PushOkxAsync(FakeOkxServer fake, long m0)
    {
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0, 60_000, 60_100, 59_950, 60_050, 1_000, 10, 600_200, confirmed: true), FakeOkxServer.BusinessPath);
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0 + 60_000, 60_050, 60_080, 60_040, 60_070, 100, 1, 60_060, confirmed: true), FakeOkxServer.BusinessPath);
        await fake.Host.PushAsync(FakeOkxFrames.Candle(BtcSwap, m0 + 120_000, 60_070, 60_080, 60_060, 60_065, 100, 1, 60_070, confirmed: false), FakeOkxServer.BusinessPath);
        await fake.Host.PushAsync(FakeOkxFrames.Trade(BtcSwap, m0 + 185_000, 60_000, 1, "buy"), FakeOkxServer.PublicPath);
    }
}
