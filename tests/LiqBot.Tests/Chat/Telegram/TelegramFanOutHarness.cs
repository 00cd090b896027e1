using LiqBot.Alerts;
using LiqBot.Chat.Telegram;
using LiqBot.Fakes.Telegram;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// The real posting path on a scaled clock: a SQLite outbox in a temp folder, the outbox
/// dispatcher and its delivery report, <see cref="TelegramChatSender"/>, and the fake Bot API
/// enforcing Telegram's limits on a clock of the same scale. Each "process" is a new dispatcher
/// and sender over the same database file.
/// </summary>
internal sealed class TelegramFanOutHarness : IAsyncDisposable
{
    private readonly RamFolder _folder;
    private readonly List<HttpClient> _clients = [];

    private TelegramFanOutHarness(RamFolder folder, TimeProvider clock, FakeTelegramServer server, StoreInstance store)
    {
        _folder = folder;
        Clock = clock;
        Server = server;
        Store = store;
    }

    public TimeProvider Clock { get; }

    public FakeTelegramServer Server { get; }

    public StoreInstance Store { get; }

    public TestLogSink Logs { get; } = new();

    public static Task<TelegramFanOutHarness> StartAsync(double clockScale, FakeTelegramLimits? serverLimits = null) =>
        StartAsync(new ScaledTimeProvider(clockScale), serverLimits);

    /// <summary>On any clock shared by the bot's side and the fake (a FakeTimeProvider: time moves only when the test moves it).</summary>
    /// <remarks>The store is a SQLite file in a temp folder unless <paramref name="store"/> names another (a PostgreSQL database).</remarks>
    public static async Task<TelegramFanOutHarness> StartAsync(TimeProvider clock, FakeTelegramLimits? serverLimits = null, StorageOptions? store = null)
    {
        var server = await FakeTelegramServer.StartAsync(serverLimits, clock);
        var folder = new RamFolder();
        var database = StorageDatabase.Create(
            store ?? new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder.Path, "liqbot.db") }, clock, NullLoggerFactory.Instance);
        await database.EnsureMigratedAsync(CancellationToken.None);
        return new TelegramFanOutHarness(folder, clock, server, new StoreInstance(database));
    }

    public static ChatAddress Chat(long chatId) => new(ChatPlatforms.Telegram, chatId.ToString());

    public TelegramOptions SenderOptions(Action<TelegramOptions>? configure = null)
    {
        var options = new TelegramOptions { Token = Server.Token, ApiUrl = Server.BaseUrl, RequestTimeout = TimeSpan.FromMinutes(10) };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A dispatcher and a Telegram sender as one process would have them.</summary>
    public (OutboxDispatchWorker Dispatcher, TelegramChatSender Sender) NewProcess(
        string instanceId, TelegramOptions? senderOptions = null, int batchSize = 200, HttpMessageHandler? network = null, AlertImageAttacher? images = null,
        TimeSpan? lease = null, bool seedLimiter = true)
    {
        var options = Options.Create(senderOptions ?? SenderOptions());
        var http = new HttpClient(network ?? new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(http);
        var loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        var client = new TelegramBotApi(http, options, Clock);
        var limiter = new TelegramRateLimiter(options, Clock);
        var seed = new TelegramLimiterSeed(limiter, Clock, loggers.CreateLogger<TelegramLimiterSeed>(), seedLimiter ? Store.Outbox : null);
        var sender = new TelegramChatSender(client, limiter, seed, options, Clock, new Random(14), loggers.CreateLogger<TelegramChatSender>());
        var report = new OutboxDeliveryReport(new OutboxResultWriter(Store.Outbox, TimeProvider.System), Store.Subscriptions, TestMetrics.New(), Clock, loggers.CreateLogger<OutboxDeliveryReport>());
        var outboxOptions = Options.Create(new OutboxOptions { InstanceId = instanceId, BatchSize = batchSize, IdlePoll = TimeSpan.FromSeconds(1), Lease = lease ?? TimeSpan.FromSeconds(30) });
        var dispatcher = new OutboxDispatchWorker([sender], Store.Outbox, report, new OutboxSignal(), outboxOptions, Clock, loggers.CreateLogger<OutboxDispatchWorker>(), images);
        return (dispatcher, sender);
    }

    public async Task EnqueueAlertsAsync(IEnumerable<long> chatIds, string dedupeKey = "proximity:BTCUSDT:long:88000", byte[]? png = null)
    {
        foreach (var chatId in chatIds)
        {
            await Store.Outbox.EnqueueAsync(
                new OutboxEnvelope(dedupeKey, Chat(chatId), OutboxMessageKind.Alert, $"BTCUSDT nears the long zone 88.0k-89.0k ($412M) & {chatId} #{dedupeKey}", png),
                CancellationToken.None);
        }
    }

    public Task<int> PendingAsync() => Store.Outbox.CountPendingAsync(ChatPlatforms.Telegram, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        await Store.Database.DisposeAsync();
        _folder.Dispose();
    }
}
