using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Chat.Commands;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Replay;
using LiqBot.Market;
using LiqBot.Risk;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Chat;

/// <summary>The real router over a real SQLite file, with BTCUSDT replayed from samples/ (into every venue's book when venues are given) and ETHUSDT without data.</summary>
internal sealed class RouterHarness : IDisposable
{
    private readonly TempDirectory _folder = new();

    public RouterHarness(IReadOnlyList<Venue>? venues = null)
    {
        var database = new SqliteStorageDatabase(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("liqbot.db") }, TimeProvider.System, NullLogger<SqliteStorageDatabase>.Instance);
        Stores = new StoreInstance(database);
        Markets = new MarketRegistry(new SymbolCatalog(["BTCUSDT", "ETHUSDT"]), new ModelOptions(), venues);
        Tiers = new MarginTierStore(new ModelOptions());
        var btc = Markets.Find("BTCUSDT")!;
        var bars = BarCsvFile.Read(RepoPaths.Sample, "BTCUSDT").Bars.ToArray();
        foreach (var venue in btc.Venues)
        {
            btc.BookOf(venue).ApplyHistory(bars);
        }

        btc.Source = venues is null ? "replay" : "live";
        var tracker = new SymbolTracker(Markets, new ListedSymbols(), new VenueFeeds([]), Stores.Subscriptions, Changes, new MarketOptions(), new MarketSourceLabel("replay"), TimeProvider.System, NullLogger<SymbolTracker>.Instance);
        var arguments = new MarketArguments(Markets, tracker, Stores.Subscriptions);
        var charts = new ChartService(TimeProvider.System);
        IChatCommand[] commands =
        [
            new LiqMapCommand(arguments, charts),
            new HeatmapCommand(arguments, charts),
            new ZonesCommand(arguments),
            new SubscribeCommand(Markets, tracker, Stores.Subscriptions, Changes),
            new UnsubscribeCommand(Markets, Stores.Subscriptions, Changes),
            new AlertsCommand(Stores.Subscriptions),
            new ConfigCommand(Stores.Subscriptions, Changes),
            new RiskCommand(Markets, tracker, Tiers, Stores.Subscriptions, charts),
        ];
        Router = new CommandRouter(commands, Markets.Catalog, NullLogger<CommandRouter>.Instance, Markets);
    }

    public StoreInstance Stores { get; }

    public MarketRegistry Markets { get; }

    public SubscriptionChanges Changes { get; } = new();

    public MarginTierStore Tiers { get; }

    public CommandRouter Router { get; }

    public static ChatAddress Group { get; } = new("telegram", "-100123");

    public Task<ChatReply> Ask(string line, bool admin = true) => Ask(Group, line, admin);

    public Task<ChatReply> Ask(ChatAddress chat, string line, bool admin = true)
    {
        Assert.True(CommandText.TryParse(line, out var command, out var arguments), line);
        return Router.HandleAsync(new ChatRequest(chat, "42", command, arguments, _ => ValueTask.FromResult(admin)), CancellationToken.None);
    }

    public void Dispose() => _folder.Dispose();
}
