using BenchmarkDotNet.Attributes;
using LiqBot.Benchmarks.Engine;
using LiqBot.Chat;
using LiqBot.Chat.Commands;
using LiqBot.Engine.Model;
using LiqBot.Market;
using LiqBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Benchmarks.Chat;

/// <summary>Target (issue 5): /liqmap handled, render included, under 100 ms median, over a real SQLite store and a 30-day book.</summary>
[MemoryDiagnoser]
public class LiqMapCommandBenchmarks
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liqbot-bench-").FullName;
    private CommandRouter _router = null!;
    private ChatRequest _liqmap = null!;
    private ChatRequest _heatmap = null!;

    [GlobalSetup]
    public void Setup()
    {
        var database = new SqliteStorageDatabase(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(_folder, "liqbot.db") }, TimeProvider.System, NullLogger<SqliteStorageDatabase>.Instance);
        var store = new SqlSubscriptionStore(database);
        var markets = new MarketRegistry(new SymbolCatalog(["BTCUSDT"]), new ModelOptions());
        markets.Find("BTCUSDT")!.Book.ApplyHistory(SyntheticBars.Generate(8_640, TimeSpan.FromMinutes(5)));
        var tracker = new SymbolTracker(markets, new ListedSymbols(), new LiqBot.Exchanges.VenueFeeds([]), store, new LiqBot.Alerts.SubscriptionChanges(), new MarketOptions(), new MarketSourceLabel("replay"), TimeProvider.System, NullLogger<SymbolTracker>.Instance);
        var arguments = new MarketArguments(markets, tracker, store);
        var charts = new ChartService(TimeProvider.System);
        _router = new CommandRouter([new LiqMapCommand(arguments, charts), new HeatmapCommand(arguments, charts)], markets.Catalog, NullLogger<CommandRouter>.Instance);
        var chat = new ChatAddress(ChatPlatforms.Telegram, "-100123");
        _liqmap = new ChatRequest(chat, "1", "liqmap", ["btc"], _ => ValueTask.FromResult(true));
        _heatmap = new ChatRequest(chat, "1", "heatmap", ["btc", "7d"], _ => ValueTask.FromResult(true));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "/liqmap btc (settings read, snapshot, zones, brief, map PNG)")]
    public async Task<int> LiqMap() => (await _router.HandleAsync(_liqmap, CancellationToken.None)).Image!.Png.Length;

    [Benchmark(Description = "/heatmap btc 7d (settings read, heatmap snapshot, PNG)")]
    public async Task<int> Heatmap() => (await _router.HandleAsync(_heatmap, CancellationToken.None)).Image!.Png.Length;
}
