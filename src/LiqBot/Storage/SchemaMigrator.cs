using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace LiqBot.Storage;

/// <summary>
/// Applies the numbered migrations a database lacks, in one transaction that first takes the
/// schema lock, so two instances starting together migrate once and the second sees the result.
/// </summary>
internal sealed class SchemaMigrator(StorageDatabase database, ILogger logger)
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at_ms bigint NOT NULL
        )
        """;

    public async Task<int> MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var migrations = database.Migrations;
        var latest = migrations[^1].Version;

        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await database.LockSchemaAsync(connection, transaction, cancellationToken);
        await using (var create = connection.Sql(CreateVersionTable, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var read = connection.Sql("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > latest)
        {
            throw new StorageException(
                $"The {database.Provider} database has schema version {current}, newer than this build knows ({latest}). "
                + "Run a newer LiqBot or restore a matching backup.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await using (var apply = connection.Sql(migration.Sql, transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = connection.Sql(
                "INSERT INTO schema_version (version, description, applied_at_ms) VALUES (@version, @description, @at)", transaction))
            {
                await record
                    .With("@version", migration.Version)
                    .With("@description", migration.Description)
                    .With("@at", database.Time.GetUtcNow().ToUnixMs())
                    .ExecuteNonQueryAsync(cancellationToken);
            }

            StorageLog.MigrationApplied(logger, database.Provider, migration.Version, migration.Description);
        }

        await transaction.CommitAsync(cancellationToken);
        return latest;
    }
}
