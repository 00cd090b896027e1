using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace LiqBot.Storage;

/// <summary>
/// One database, SQLite or PostgreSQL: opens connections and brings the schema up to date once,
/// before the first connection is handed out. The stores run the same parameterized SQL on both;
/// what differs (types in DDL, locking) is decided here.
/// </summary>
internal abstract class StorageDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    protected StorageDatabase(StorageOptions options, TimeProvider time, ILogger logger)
    {
        Options = options;
        Time = time;
        Logger = logger;
    }

    public TimeProvider Time { get; }

    public abstract StorageProvider Provider { get; }

    /// <summary>Appended to a SELECT that picks rows to claim, so concurrent claimers skip each other's rows.</summary>
    public abstract string SkipLockedClause { get; }

    public abstract IReadOnlyList<SchemaMigration> Migrations { get; }

    protected StorageOptions Options { get; }

    protected ILogger Logger { get; }

    public static StorageDatabase Create(StorageOptions options, TimeProvider time, ILoggerFactory loggers) =>
        options.Provider switch
        {
            StorageProvider.Postgres => new PostgresStorageDatabase(options, time, loggers.CreateLogger<PostgresStorageDatabase>()),
            _ => new SqliteStorageDatabase(options, time, loggers.CreateLogger<SqliteStorageDatabase>()),
        };

    /// <summary>Applies missing migrations, once per instance; a failure is retried by the next caller.</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await MigrateAsync(cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>A transaction that holds the write lock from its start (SQLite: BEGIN IMMEDIATE).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        _migrationGate.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Serializes migrations across processes, inside the migration transaction.</summary>
    internal abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected virtual async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await new SchemaMigrator(this, Logger).MigrateAsync(connection, cancellationToken);
    }
}
