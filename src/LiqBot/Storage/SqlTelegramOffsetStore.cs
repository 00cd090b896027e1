namespace LiqBot.Storage;

/// <summary><see cref="ITelegramOffsetStore"/> as one row of bot_state beside the outbox, in either database.</summary>
internal sealed class SqlTelegramOffsetStore(StorageDatabase database) : ITelegramOffsetStore
{
    private const string Name = "telegram_update_offset";

    public async Task<int?> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT value FROM bot_state WHERE name = @name").With("@name", Name);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public async Task SaveAsync(int offset, IReadOnlyList<OutboxEnvelope> replies, CancellationToken cancellationToken)
    {
        var now = database.Time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        foreach (var reply in replies)
        {
            await using var insert = SqlOutbox.InsertCommand(connection, transaction, reply, now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // Never backwards: a poller that lost the lease mid-batch must not undo its successor's progress.
        await using (var command = connection.Sql("""
            INSERT INTO bot_state (name, value) VALUES (@name, @value)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE bot_state.value < excluded.value
            """, transaction).With("@name", Name).With("@value", (long)offset))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
