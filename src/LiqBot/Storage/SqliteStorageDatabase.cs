using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LiqBot.Storage;

/// <summary>The default store: one SQLite file in WAL mode, for a single instance.</summary>
internal sealed class SqliteStorageDatabase : StorageDatabase
{
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;

    static SqliteStorageDatabase() => SQLitePCL.Batteries_V2.Init();

    public SqliteStorageDatabase(StorageOptions options, TimeProvider time, ILogger<SqliteStorageDatabase> logger)
        : base(options, time, logger)
    {
        FilePath = Path.GetFullPath(options.SqlitePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
        }.ToString();
    }

    public string FilePath { get; }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    // SQLite has one writer at a time: a claiming UPDATE already excludes every other claimer.
    public override string SkipLockedClause => string.Empty;

    public override IReadOnlyList<SchemaMigration> Migrations => SqliteMigrations.All;

    // Not deferred: BEGIN IMMEDIATE takes the write lock now, waiting out other writers with the busy timeout,
    // instead of failing later when a read transaction tries to upgrade.
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new SqliteConnection(_connectionString))
        {
            // Pooled connections keep the file open; a disposed database lets it go (tests delete it, restarts reopen it).
            SqliteConnection.ClearPool(connection);
        }

        await base.DisposeAsync();
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var busyMs = (long)Options.BusyTimeout.TotalMilliseconds;
            // Per connection: wait for other writers instead of failing, and fsync every commit, so an
            // outbox row that was committed survives a power cut too, not only a killed process.
            await using var pragmas = connection.Sql(
                $"PRAGMA busy_timeout = {busyMs.ToString(CultureInfo.InvariantCulture)}; PRAGMA synchronous = FULL;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already excludes every other writer of the file.

    protected override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using (var connection = await OpenConnectionAsync(cancellationToken))
            {
                // WAL is a property of the file and cannot be switched inside a transaction.
                await using var wal = connection.Sql("PRAGMA journal_mode = WAL");
                var mode = Convert.ToString(await wal.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new StorageException($"The SQLite database '{FilePath}' could not be switched to WAL mode (it reports '{mode}').");
                }
            }

            await base.MigrateAsync(cancellationToken);
            StorageLog.Ready(Logger, Provider);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw new StorageException(
                $"The SQLite database '{FilePath}' is damaged or not a database (SQLite error {e.SqliteErrorCode}). "
                + "LiqBot will not overwrite it: move it aside to start empty, or restore a backup.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCantOpen)
        {
            throw new StorageException(
                $"The SQLite database '{FilePath}' cannot be opened: check that the path is a writable file (Storage:SqlitePath).", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new StorageException($"The folder of the SQLite database '{FilePath}' cannot be created or written: {e.Message}", e);
        }
    }
}
