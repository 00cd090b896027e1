using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Chat.Discord;

/// <summary>The real outbox, subscription store and delivery report over a temp SQLite file, on a clock the test moves.</summary>
internal sealed class SqliteOutbox : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly StorageDatabase _database;

    public SqliteOutbox()
    {
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("bot.db") };
        _database = StorageDatabase.Create(options, Clock, NullLoggerFactory.Instance);
        Outbox = new SqlOutbox(_database);
        Subscriptions = new SqlSubscriptionStore(_database);
        Images = new SqlAlertImageStore(_database);
        Report = new OutboxDeliveryReport(new OutboxResultWriter(Outbox, TimeProvider.System), Subscriptions, TestMetrics.New(), Clock, NullLogger<OutboxDeliveryReport>.Instance);
    }

    public FakeTimeProvider Clock { get; } = TestClock.New();

    public IOutbox Outbox { get; }

    public ISubscriptionStore Subscriptions { get; }

    public IAlertImageStore Images { get; }

    public StorageDatabase Database => _database;

    public OutboxDeliveryReport Report { get; }

    public static ChatAddress Channel(string id) => new(ChatPlatforms.Discord, id);

    public OutboxDispatchWorker Dispatcher(IChatSender sender, int batchSize = 200, AlertImageAttacher? images = null) => new(
        [sender],
        Outbox,
        Report,
        new OutboxSignal(),
        Microsoft.Extensions.Options.Options.Create(new OutboxOptions { BatchSize = batchSize, InstanceId = "test" }),
        Clock,
        NullLogger<OutboxDispatchWorker>.Instance,
        images);

    public async Task EnqueueAsync(string channelId, string dedupeKey, string text = "BTC: price within 0.5 % of the long zone 88.0k-89.0k", byte[]? png = null) =>
        Assert.True(await Outbox.EnqueueAsync(new OutboxEnvelope(dedupeKey, Channel(channelId), OutboxMessageKind.Alert, text, png), CancellationToken.None));

    public Task<int> PendingAsync() => Outbox.CountPendingAsync(ChatPlatforms.Discord, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }
}
