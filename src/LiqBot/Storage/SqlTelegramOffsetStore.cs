namespace LiqBot.Storage;

/// <summary><see cref="ITelegramOffsetStore"/> as one row of bot_state, in either database.</summary>
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

    public async Task SaveAsync(int offset, CancellationToken cancellationToken)
    {
        // Never backwards: a poller that lost the lease mid-batch must not undo its successor's progress.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            INSERT INTO bot_state (name, value) VALUES (@name, @value)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE bot_state.value < excluded.value
            """).With("@name", Name).With("@value", (long)offset);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
