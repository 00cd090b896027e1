using System.Data.Common;

namespace LiqBot.Storage;

/// <summary>
/// <see cref="IOutbox"/> over either database. Uniqueness of (dedupe key, chat) is a constraint, so it
/// holds across instances; a claim is one UPDATE, so two claimers never lease the same row.
/// </summary>
internal sealed class SqlOutbox(StorageDatabase database) : IOutbox
{
    private const string Pending = "pending";
    private const string Sent = "sent";
    private const string Failed = "failed";

    // Command replies are claimed ahead of alerts: a user waiting for an answer should not wait out a fan-out.
    private const string Reply = "reply";
    private const int MaxReasonLength = 500;
    private const int MaxIdsPerStatement = 500;

    private const string MessageColumns = """
        id, dedupe_key, platform, chat_id, kind, text, png, created_at_ms, attempts,
        not_before_ms, lease_owner, lease_until_ms, state, last_error, reply_to_message_id, reply_thread_id
        """;

    public async Task<bool> EnqueueAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = InsertCommand(connection, null, envelope, database.Time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The insert of <see cref="EnqueueAsync"/>, for a store that queues messages inside a transaction of its own.</summary>
    internal static DbCommand InsertCommand(DbConnection connection, DbTransaction? transaction, OutboxEnvelope envelope, DateTimeOffset now) =>
        connection.Sql("""
            INSERT INTO outbox (dedupe_key, platform, chat_id, kind, text, png, created_at_ms, attempts, not_before_ms, state, reply_to_message_id, reply_thread_id)
            VALUES (@dedupe_key, @platform, @chat_id, @kind, @text, @png, @now, 0, @not_before_ms, @state, @reply_to, @reply_thread)
            ON CONFLICT (dedupe_key, platform, chat_id) DO NOTHING
            """, transaction)
            .With("@dedupe_key", envelope.DedupeKey)
            .WithChat(envelope.Chat)
            .With("@kind", envelope.Kind.ToString().ToLowerInvariant())
            .With("@text", envelope.Text)
            .With("@png", envelope.Png)
            .With("@now", now.ToUnixMs())
            .With("@not_before_ms", (envelope.NotBefore ?? now).ToUnixMs())
            .With("@state", Pending)
            .With("@reply_to", envelope.ReplyToMessageId)
            .With("@reply_thread", envelope.ReplyThreadId);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        string platform, string leaseOwner, int maxCount, TimeSpan lease, CancellationToken cancellationToken, bool urgentOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leaseOwner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);

        var now = database.Time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"""
            UPDATE outbox SET lease_owner = @owner, lease_until_ms = @lease_until_ms, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox
                WHERE platform = @platform AND state = @pending AND not_before_ms <= @now
                  AND (lease_until_ms IS NULL OR lease_until_ms <= @now){(urgentOnly ? " AND (attempts > 0 OR kind = @reply)" : "")}
                ORDER BY CASE WHEN kind = @reply THEN 0 ELSE 1 END, not_before_ms, id
                LIMIT @max_count
                {database.SkipLockedClause})
            RETURNING {MessageColumns}
            """)
            .With("@owner", leaseOwner)
            .With("@lease_until_ms", (now + lease).ToUnixMs())
            .With("@platform", platform)
            .With("@pending", Pending)
            .With("@now", now.ToUnixMs())
            .With("@max_count", maxCount)
            .With("@reply", Reply);
        var claimed = await ReadMessagesAsync(command, cancellationToken);
        return [.. claimed.OrderBy(m => m.Kind == OutboxMessageKind.Reply ? 0 : 1).ThenBy(m => m.NotBefore).ThenBy(m => m.Id)];
    }

    public async Task<bool> MarkSentAsync(long messageId, CancellationToken cancellationToken) =>
        (await RecordAsync([OutboxResult.Sent(messageId)], cancellationToken))[0];

    public async Task<bool> RescheduleAsync(long messageId, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        (await RecordAsync([OutboxResult.RetryAt(messageId, notBefore, reason)], cancellationToken))[0];

    public async Task<bool> MarkFailedAsync(long messageId, string reason, CancellationToken cancellationToken) =>
        (await RecordAsync([OutboxResult.Failed(messageId, reason)], cancellationToken))[0];

    public async Task<IReadOnlyList<bool>> RecordAsync(IReadOnlyList<OutboxResult> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return [];
        }

        var now = database.Time.GetUtcNow().ToUnixMs();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var sent = await MarkSentAsync(connection, transaction, [.. results.Where(r => r.State == OutboxMessageState.Sent).Select(r => r.MessageId)], now, cancellationToken);
        var changed = new bool[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].State == OutboxMessageState.Sent)
            {
                // Remove, so a second result for the same message in this batch reports no change, as a second write would.
                changed[i] = sent.Remove(results[i].MessageId);
                continue;
            }

            await using var command = ResultCommand(connection, transaction, results[i], now);
            changed[i] = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<int> RenewLeaseAsync(string leaseOwner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            UPDATE outbox SET lease_until_ms = @lease_until_ms
            WHERE lease_owner = @owner AND state = @pending
            """)
            .With("@lease_until_ms", (database.Time.GetUtcNow() + lease).ToUnixMs())
            .With("@owner", leaseOwner)
            .With("@pending", Pending);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RecentSend>> ListSentSinceAsync(string platform, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // 'sent' is written out, not bound: only then may SQLite use the partial index ix_outbox_sent (migration 4).
        await using var command = connection.Sql("""
            SELECT chat_id, finished_at_ms FROM outbox
            WHERE platform = @platform AND state = 'sent' AND finished_at_ms >= @since
            ORDER BY finished_at_ms
            """)
            .With("@platform", platform)
            .With("@since", since.ToUnixMs());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sends = new List<RecentSend>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sends.Add(new RecentSend(reader.GetString(0), DbCommandExtensions.FromUnixMs(reader.GetInt64(1))));
        }

        return sends;
    }

    public async Task<int> CountPendingAsync(string? platform, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = platform is null
            ? connection.Sql("SELECT COUNT(*) FROM outbox WHERE state = @pending").With("@pending", Pending)
            : connection.Sql("SELECT COUNT(*) FROM outbox WHERE state = @pending AND platform = @platform")
                .With("@pending", Pending).With("@platform", platform);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<OutboxMessage?> GetAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {MessageColumns} FROM outbox WHERE id = @id").With("@id", messageId);
        var messages = await ReadMessagesAsync(command, cancellationToken);
        return messages.Count == 0 ? null : messages[0];
    }

    public async Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection
            .Sql("DELETE FROM outbox WHERE state <> @pending AND created_at_ms < @before")
            .With("@pending", Pending)
            .With("@before", createdBefore.ToUnixMs());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deliveries, the common result, as one statement per few hundred; returns the ids that were still pending.</summary>
    private static async Task<HashSet<long>> MarkSentAsync(DbConnection connection, DbTransaction transaction, long[] ids, long now, CancellationToken cancellationToken)
    {
        var changed = new HashSet<long>();
        foreach (var chunk in ids.Distinct().Chunk(MaxIdsPerStatement))
        {
            var names = chunk.Select((_, i) => "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            // The image is dropped once delivered: the row stays only to keep the dedupe key taken.
            await using var command = connection.Sql($"""
                UPDATE outbox SET state = @sent, png = NULL, lease_owner = NULL, lease_until_ms = NULL, finished_at_ms = @now
                WHERE state = @pending AND id IN ({string.Join(", ", names)})
                RETURNING id
                """, transaction)
                .With("@sent", Sent)
                .With("@now", now)
                .With("@pending", Pending);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.With(names[i], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changed.Add(reader.GetInt64(0));
            }
        }

        return changed;
    }

    private static DbCommand ResultCommand(DbConnection connection, DbTransaction transaction, OutboxResult result, long now)
    {
        var failed = result.State == OutboxMessageState.Failed;
        var command = connection.Sql(failed
            ? """
                UPDATE outbox SET state = @failed, last_error = @reason, lease_owner = NULL, lease_until_ms = NULL, finished_at_ms = @now
                WHERE id = @id AND state = @pending
                """
            : """
                UPDATE outbox SET not_before_ms = @not_before_ms, last_error = @reason, lease_owner = NULL, lease_until_ms = NULL
                WHERE id = @id AND state = @pending
                """, transaction)
            .With("@id", result.MessageId)
            .With("@pending", Pending)
            .With("@reason", Truncate(result.Reason ?? ""));
        return failed
            ? command.With("@failed", Failed).With("@now", now)
            : command.With("@not_before_ms", (result.NotBefore ?? DbCommandExtensions.FromUnixMs(now)).ToUnixMs());
    }

    private static string Truncate(string reason) =>
        reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];

    private static async Task<List<OutboxMessage>> ReadMessagesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                new ChatAddress(reader.GetString(2), reader.GetString(3)),
                Enum.Parse<OutboxMessageKind>(reader.GetString(4), ignoreCase: true),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6),
                DbCommandExtensions.FromUnixMs(reader.GetInt64(7)),
                reader.GetInt32(8),
                DbCommandExtensions.FromUnixMs(reader.GetInt64(9)),
                reader.GetNullableString(10),
                reader.GetNullableInt64(11) is { } leaseUntil ? DbCommandExtensions.FromUnixMs(leaseUntil) : null,
                Enum.Parse<OutboxMessageState>(reader.GetString(12), ignoreCase: true),
                reader.GetNullableString(13),
                reader.GetNullableInt64(14),
                reader.GetNullableInt64(15)));
        }

        return messages;
    }
}
