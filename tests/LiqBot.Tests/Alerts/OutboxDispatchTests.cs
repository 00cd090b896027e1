using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Chat.Console;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Alerts;

/// <summary>The dispatcher over a real SQLite outbox, the console as the chat, and a manual clock.</summary>
public sealed class OutboxDispatchTests : IDisposable
{
    private static readonly ChatAddress Console = new(ChatPlatforms.Console, "local");
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = TestClock.New();
    private readonly StringWriter _printed = new();

    [Fact]
    public async Task Dispatch_KilledBetweenClaimAndSend_RestartSendsEachOnceAfterTheLease()
    {
        var first = Open();
        foreach (var key in new[] { "a", "b", "c" })
        {
            Assert.True(await first.Outbox.EnqueueAsync(new OutboxEnvelope(key, Console, OutboxMessageKind.Alert, $"alert {key}"), CancellationToken.None));
        }

        // The first process claims the batch and dies before sending: nothing is marked sent.
        Assert.Equal(3, (await first.Outbox.ClaimDueAsync(ChatPlatforms.Console, "dead-instance", 10, TimeSpan.FromMinutes(2), CancellationToken.None)).Count);

        var restarted = Open();
        var (dispatcher, sender) = Dispatcher(restarted);
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(sender, CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(3, await dispatcher.DispatchOnceAsync(sender, CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(sender, CancellationToken.None));

        Assert.Equal(["[alert] alert a", "[alert] alert b", "[alert] alert c"], _printed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, await restarted.Outbox.CountPendingAsync(null, CancellationToken.None));
        Assert.False(await restarted.Outbox.EnqueueAsync(new OutboxEnvelope("a", Console, OutboxMessageKind.Alert, "alert a"), CancellationToken.None));
    }

    [Fact]
    public async Task Dispatch_ChatUnavailable_PausesTheChatAndDropsTheMessage()
    {
        var store = Open();
        await store.Subscriptions.SubscribeAsync(Console, "BTCUSDT", Engine.Alerts.AlertKinds.All, CancellationToken.None);
        await store.Outbox.EnqueueAsync(new OutboxEnvelope("x", Console, OutboxMessageKind.Alert, "alert x"), CancellationToken.None);
        var (dispatcher, _) = Dispatcher(store);

        await dispatcher.DispatchOnceAsync(new RefusingSender(), CancellationToken.None);

        Assert.Equal("bot was removed", Assert.Single(await store.Subscriptions.ListSubscriptionsAsync(Console, CancellationToken.None)).PausedReason);
        Assert.Empty(await store.Subscriptions.ListActiveSubscriptionsAsync("BTCUSDT", Engine.Alerts.AlertKinds.All, CancellationToken.None));
        Assert.Equal(0, await store.Outbox.CountPendingAsync(null, CancellationToken.None));
    }

    public void Dispose()
    {
        _printed.Dispose();
        _folder.Dispose();
    }

    private StoreInstance Open() =>
        new(new SqliteStorageDatabase(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("liqbot.db") }, _clock, NullLogger<SqliteStorageDatabase>.Instance));

    private (OutboxDispatchWorker Dispatcher, IChatSender Sender) Dispatcher(StoreInstance store)
    {
        var sender = new ConsoleChatSender(new ConsoleChatIO(TextReader.Null, _printed, _folder.File("out"), WaitForIngest: false));
        var report = new OutboxDeliveryReport(new OutboxResultWriter(store.Outbox, TimeProvider.System), store.Subscriptions, TestMetrics.New(), _clock, NullLogger<OutboxDeliveryReport>.Instance);
        var dispatcher = new OutboxDispatchWorker([sender], store.Outbox, report, new OutboxSignal(), Options.Create(new OutboxOptions { InstanceId = "restarted" }), _clock, NullLogger<OutboxDispatchWorker>.Instance);
        return (dispatcher, sender);
    }

    /// <summary>A chat that is gone, as a 403 says: the sender reports it and sends nothing.</summary>
    private sealed class RefusingSender : IChatSender
    {
        public string Platform => ChatPlatforms.Console;

        public async Task SendAsync(IReadOnlyList<OutboxMessage> batch, IDeliveryReport report, CancellationToken cancellationToken)
        {
            foreach (var message in batch)
            {
                await report.ChatUnavailableAsync(message, "bot was removed", cancellationToken);
            }
        }
    }
}
