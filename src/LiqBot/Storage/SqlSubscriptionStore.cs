using System.Data.Common;

using LiqBot.Engine.Alerts;

namespace LiqBot.Storage;

/// <summary><see cref="ISubscriptionStore"/> over either database; the SQL is portable between SQLite and PostgreSQL.</summary>
internal sealed class SqlSubscriptionStore(StorageDatabase database) : ISubscriptionStore
{
    private const string SubscriptionColumns =
        "s.platform, s.chat_id, s.symbol, s.kinds, s.created_at_ms, c.paused_reason";

    private const string SubscriptionsWithChat =
        $"SELECT {SubscriptionColumns} FROM subscriptions s LEFT JOIN chats c ON c.platform = s.platform AND c.chat_id = s.chat_id";

    private const string EnsureChat = """
        INSERT INTO chats (platform, chat_id, created_at_ms, updated_at_ms) VALUES (@platform, @chat_id, @now, @now)
        ON CONFLICT (platform, chat_id) DO NOTHING
        """;

    public async Task<ChatSettings> GetSettingsAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection
            .Sql($"SELECT {ChatSettingsRow.Columns} FROM chats WHERE platform = @platform AND chat_id = @chat_id")
            .WithChat(chat);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ChatSettingsRow.Read(reader, 0) : ChatSettings.Default;
    }

    public async Task SaveSettingsAsync(ChatAddress chat, ChatSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"""
            INSERT INTO chats (platform, chat_id, {ChatSettingsRow.Columns}, created_at_ms, updated_at_ms)
            VALUES (@platform, @chat_id, @proximity_pct, @min_zone_usd, @cooldown_s, @cascade_usd, @cascade_window_s, @map_window, @summary, @now, @now)
            ON CONFLICT (platform, chat_id) DO UPDATE SET
                proximity_pct = excluded.proximity_pct, min_zone_usd = excluded.min_zone_usd, cooldown_s = excluded.cooldown_s,
                cascade_usd = excluded.cascade_usd, cascade_window_s = excluded.cascade_window_s, map_window = excluded.map_window,
                summary = excluded.summary, updated_at_ms = excluded.updated_at_ms
            """)
            .WithChat(chat)
            .WithSettings(settings)
            .With("@now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledSummary>> ListScheduledSummariesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"""
            SELECT platform, chat_id, {ChatSettingsRow.Columns} FROM chats
            WHERE summary IS NOT NULL AND paused_reason IS NULL ORDER BY platform, chat_id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var summaries = new List<ScheduledSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var settings = ChatSettingsRow.Read(reader, 2);
            if (settings.Summary is { } schedule)
            {
                summaries.Add(new ScheduledSummary(new ChatAddress(reader.GetString(0), reader.GetString(1)), schedule, settings.Window));
            }
        }

        return summaries;
    }

    public async Task<Subscription> SubscribeAsync(ChatAddress chat, string symbol, AlertKinds kinds, CancellationToken cancellationToken)
    {
        if (kinds == AlertKinds.None || (kinds & ~AlertKinds.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kinds), kinds, "Subscribe to at least one known alert kind.");
        }

        symbol = SymbolText.Normalize(symbol);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using (var ensure = connection.Sql(EnsureChat, transaction).WithChat(chat).With("@now", Now()))
        {
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = connection.Sql("""
            INSERT INTO subscriptions (platform, chat_id, symbol, kinds, created_at_ms) VALUES (@platform, @chat_id, @symbol, @kinds, @now)
            ON CONFLICT (platform, chat_id, symbol) DO UPDATE SET kinds = subscriptions.kinds | excluded.kinds
            """, transaction).WithChat(chat).With("@symbol", symbol).With("@kinds", (int)kinds).With("@now", Now()))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        Subscription subscription;
        await using (var read = connection.Sql(
            $"{SubscriptionsWithChat} WHERE s.platform = @platform AND s.chat_id = @chat_id AND s.symbol = @symbol", transaction)
            .WithChat(chat).With("@symbol", symbol))
        {
            subscription = (await ReadSubscriptionsAsync(read, cancellationToken))[0];
        }

        await transaction.CommitAsync(cancellationToken);
        return subscription;
    }

    public async Task<bool> UnsubscribeAsync(ChatAddress chat, string symbol, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection
            .Sql("DELETE FROM subscriptions WHERE platform = @platform AND chat_id = @chat_id AND symbol = @symbol")
            .WithChat(chat)
            .With("@symbol", SymbolText.Normalize(symbol));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> UnsubscribeAllAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("DELETE FROM subscriptions WHERE platform = @platform AND chat_id = @chat_id").WithChat(chat);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection
            .Sql($"{SubscriptionsWithChat} WHERE s.platform = @platform AND s.chat_id = @chat_id ORDER BY s.symbol")
            .WithChat(chat);
        return await ReadSubscriptionsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ListSubscribedSymbolsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT DISTINCT symbol FROM subscriptions");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            symbols.Add(reader.GetString(0));
        }

        return symbols;
    }

    public async Task<IReadOnlyList<Subscription>> ListActiveSubscriptionsAsync(string symbol, AlertKinds kinds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"""
            {SubscriptionsWithChat}
            WHERE s.symbol = @symbol AND (s.kinds & @kinds) <> 0 AND c.paused_reason IS NULL
            ORDER BY s.platform, s.chat_id
            """).With("@symbol", SymbolText.Normalize(symbol)).With("@kinds", (int)kinds);
        return await ReadSubscriptionsAsync(command, cancellationToken);
    }

    public async Task PauseChatAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            INSERT INTO chats (platform, chat_id, paused_reason, paused_at_ms, created_at_ms, updated_at_ms)
            VALUES (@platform, @chat_id, @reason, @now, @now, @now)
            ON CONFLICT (platform, chat_id) DO UPDATE SET
                paused_reason = excluded.paused_reason, paused_at_ms = excluded.paused_at_ms, updated_at_ms = excluded.updated_at_ms
            """).WithChat(chat).With("@reason", reason).With("@now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResumeChatAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            UPDATE chats SET paused_reason = NULL, paused_at_ms = NULL, updated_at_ms = @now
            WHERE platform = @platform AND chat_id = @chat_id
            """).WithChat(chat).With("@now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken cancellationToken) =>
        ChatMover.MoveAsync(database, from, to, cancellationToken);

    private long Now() => database.Time.GetUtcNow().ToUnixMs();

    private static async Task<IReadOnlyList<Subscription>> ReadSubscriptionsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscriptions = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(new Subscription(
                new ChatAddress(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                (AlertKinds)reader.GetInt32(3),
                DbCommandExtensions.FromUnixMs(reader.GetInt64(4)),
                reader.GetNullableString(5)));
        }

        return subscriptions;
    }
}
