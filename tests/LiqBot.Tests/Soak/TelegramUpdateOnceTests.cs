using LiqBot.Fakes.Telegram;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LiqBot.Tests.Soak;

/// <summary>
/// The real bot killed (SIGKILL) at points inside the handling of one /subscribe, each held exactly by the fake Bot
/// API or a database lock, then restarted on the same store: the command is answered once (a reply to the user's
/// message), and /alerts afterwards shows the subscription as one set, never toggled.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TelegramUpdateOnceTests(PostgresServerFixture postgres) : IDisposable
{
    private const long Chat = 910_001;
    private const long Group = -100_910_002;
    private const long Admin = 910_003;
    private const string Subscribed = "Subscribed to BTCUSDT alerts: proximity, sweep, cascade.";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task KilledAfterTheReplyWasQueued_BeforeTelegramAcceptedIt_TheRestartSendsItOnce()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramLimits.Off);
        var store = SqliteStore();
        var send = new HeldTelegramCall(telegram, call => call is { Method: "sendMessage", ChatId: Chat });
        using (var first = Start(telegram, store))
        {
            telegram.EnqueueMessage(Chat, "private", Chat, "/subscribe btc");
            await send.Reached.WaitAsync(Guard);
            first.Kill();
        }

        // The reply was queued with the offset: Telegram still holds the update, but the restart does not handle it again.
        Assert.Empty(telegram.Sent);
        await RestartAndCheckAsync(telegram, store, Chat);
    }

    [Fact]
    public async Task KilledAfterTelegramAcceptedTheReply_BeforeTelegramWasToldTheOffset_TheUpdateIsNotHandledAgain()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramLimits.Off);
        var store = SqliteStore();
        var update = 0L;
        var confirm = new HeldTelegramCall(telegram, call => call.Method == "getUpdates" && update > 0 && call.Offset > update);
        using (var first = Start(telegram, store))
        {
            update = telegram.EnqueueMessage(Chat, "private", Chat, "/subscribe btc");
            await confirm.Reached.WaitAsync(Guard);
            await Eventually.TrueAsync(async () => Replies(telegram, Chat).Count == 1 && await PendingAsync(store) == 0, Guard, "the reply accepted and recorded");
            first.Kill();
        }

        Assert.Equal(1, telegram.UnconfirmedUpdates);
        await RestartAndCheckAsync(telegram, store, Chat);
    }

    [Fact]
    public async Task KilledBeforeTheSubscriptionWasWritten_TheRestartHandlesTheCommandOnce()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramLimits.Off);
        telegram.SetChatMember(Group, Admin, "administrator");
        var store = SqliteStore();
        var adminCheck = new HeldTelegramCall(telegram, call => call is { Method: "getChatMember", ChatId: Group });
        using (var first = Start(telegram, store))
        {
            telegram.EnqueueMessage(Group, "supergroup", Admin, "/subscribe@LiqBot btc");
            await adminCheck.Reached.WaitAsync(Guard);
            // From here the bot can write nothing: the subscription, the reply and the offset all wait for the lock.
            await using var holder = new SqliteConnection($"Data Source={store.Path}");
            await holder.OpenAsync();
            await ExecuteAsync(holder, "PRAGMA busy_timeout = 60000");
            await using var hold = holder.BeginTransaction(deferred: false);
            adminCheck.Release();
            first.Kill();
        }

        Assert.Empty(telegram.Sent);
        await RestartAndCheckAsync(telegram, store, Group, Admin);
    }

    [Fact]
    public async Task KilledAfterTheSubscriptionWasWritten_BeforeTheReplyWasQueued_TheRestartAnswersOnce_Postgres()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramLimits.Off);
        var store = new Store(await postgres.CreateDatabaseAsync(), null);
        await using var holder = new NpgsqlConnection(store.Postgres);
        await holder.OpenAsync();
        using (var first = Start(telegram, store))
        {
            await Eventually.TrueAsync(async () => await ScalarAsync(store, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'bot_state'") == 1, Guard, "the schema");
            // SHARE lets the poller read the offset but stops the transaction that queues the reply and moves the offset.
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE bot_state IN SHARE MODE", holder, hold))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            telegram.EnqueueMessage(Chat, "private", Chat, "/subscribe btc");
            await Eventually.TrueAsync(
                async () => await ScalarAsync(store, "SELECT COUNT(*) FROM pg_locks WHERE relation = 'bot_state'::regclass AND NOT granted") > 0,
                Guard,
                "the reply's transaction to wait for bot_state");
            Assert.Equal(1, await ScalarAsync(store, "SELECT COUNT(*) FROM subscriptions"));
            first.Kill();
            await hold.RollbackAsync();
        }

        Assert.Empty(telegram.Sent);
        Assert.Equal(0, await ScalarAsync(store, "SELECT COUNT(*) FROM outbox"));
        await RestartAndCheckAsync(telegram, store, Chat);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A fresh process answers the command once, and /alerts shows the one subscription.</summary>
    private async Task RestartAndCheckAsync(FakeTelegramServer telegram, Store store, long chat, long? user = null)
    {
        telegram.Hold = null;
        using var second = Start(telegram, store);
        await Eventually.TrueAsync(() => Replies(telegram, chat).Count == 1 && telegram.UnconfirmedUpdates == 0, Guard, "the /subscribe answered and confirmed");
        telegram.EnqueueMessage(chat, chat < 0 ? "supergroup" : "private", user ?? chat, chat < 0 ? "/alerts@LiqBot" : "/alerts");
        await Eventually.TrueAsync(() => Replies(telegram, chat).Count >= 2 && telegram.UnconfirmedUpdates == 0, Guard, "the /alerts answer");

        var replies = Replies(telegram, chat);
        Assert.Equal(2, replies.Count);
        Assert.Equal(Subscribed + " See /alerts for thresholds, /config to change them.", replies[0].PlainText);
        Assert.StartsWith("Subscriptions:\n- BTCUSDT: proximity, sweep, cascade\n", replies[1].PlainText, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync(store, "SELECT COUNT(*) FROM subscriptions"));
    }

    // Answers to commands reply to the user's message; alerts from the replay do not.
    private static List<FakeTelegramSentMessage> Replies(FakeTelegramServer telegram, long chat) =>
        [.. telegram.Sent.Where(m => m.ChatId == chat && m.ReplyToMessageId is not null)];

    private Store SqliteStore() => new(null, _folder.File("liqbot.db"));

    private static Task<long> PendingAsync(Store store) => ScalarAsync(store, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'");

    private static async Task<long> ScalarAsync(Store store, string sql)
    {
        if (store.Postgres is { } database)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var sqlite = new SqliteConnection($"Data Source={store.Path};Mode=ReadOnly");
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText = sql;
        return Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private BotProcess Start(FakeTelegramServer telegram, Store store)
    {
        var environment = new Dictionary<string, string>
        {
            ["Telegram__Token"] = telegram.Token,
            ["Telegram__ApiUrl"] = telegram.BaseUrl.ToString(),
            ["Telegram__PollTimeout"] = "00:00:02",
            ["Telegram__PerChatPerSecond"] = "30",
            ["Telegram__PerGroupPerMinute"] = "600",
            // A dead process's claim comes back quickly.
            ["Outbox__Lease"] = "00:00:03",
            ["Market__Source"] = "replay",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (store.Postgres is { } database)
        {
            environment["Storage__Provider"] = "postgres";
            environment["Storage__ConnectionString"] = database;
        }
        else
        {
            environment["Storage__SqlitePath"] = store.Path!;
        }

        return BotProcess.Start(_folder.Path, environment, "run", "--replay", RepoPaths.Sample, "--speed", "max");
    }

    private sealed record Store(string? Postgres, string? Path);
}
