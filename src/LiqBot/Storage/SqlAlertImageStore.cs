namespace LiqBot.Storage;

/// <summary><see cref="IAlertImageStore"/> over either database (table alert_images, migration 2).</summary>
internal sealed class SqlAlertImageStore(StorageDatabase database) : IAlertImageStore
{
    public async Task<bool> SaveAsync(string dedupeKey, byte[] png, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            INSERT INTO alert_images (dedupe_key, png, created_at_ms) VALUES (@dedupe_key, @png, @now)
            ON CONFLICT (dedupe_key) DO NOTHING
            """)
            .With("@dedupe_key", dedupeKey)
            .With("@png", png)
            .With("@now", database.Time.GetUtcNow().ToUnixMs());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<byte[]?> GetAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT png FROM alert_images WHERE dedupe_key = @dedupe_key").With("@dedupe_key", dedupeKey);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<(int Count, long Bytes)> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT COUNT(*), COALESCE(SUM(LENGTH(png)), 0) FROM alert_images");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<int> PurgeAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("DELETE FROM alert_images WHERE created_at_ms < @before").With("@before", (database.Time.GetUtcNow() - age).ToUnixMs());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
