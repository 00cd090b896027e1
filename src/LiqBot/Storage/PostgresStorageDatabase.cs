using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LiqBot.Storage;

/// <summary>The shared store for several instances: PostgreSQL through one pooled Npgsql data source.</summary>
internal sealed class PostgresStorageDatabase : StorageDatabase
{
    // An arbitrary constant that only LiqBot's migrations use with pg_advisory_xact_lock.
    private const long SchemaLockKey = 0x4C69_7142_6F74_0001;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresStorageDatabase(StorageOptions options, TimeProvider time, ILogger<PostgresStorageDatabase> logger)
        : base(options, time, logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
        };
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override string SkipLockedClause => "FOR UPDATE SKIP LOCKED";

    public override IReadOnlyList<SchemaMigration> Migrations => PostgresMigrations.All;

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    internal override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Held until the migration transaction ends: a second instance waits here, then finds nothing to do.
        await using var command = connection.Sql("SELECT pg_advisory_xact_lock(@key)", transaction).With("@key", SchemaLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.MigrateAsync(cancellationToken);
            StorageLog.Ready(Logger, Provider);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            // Npgsql's own messages name host and port at most, never the password.
            throw new StorageException($"PostgreSQL (Storage:ConnectionString) is not reachable: {e.Message}", e);
        }
    }
}
