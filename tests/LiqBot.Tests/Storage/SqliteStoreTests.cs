using LiqBot.Engine.Market;
using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

/// <summary>The store contract on a real SQLite file in a temp folder.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liqbot-sqlite-").FullName;

    internal override Task<StorageOptions> CreateEmptyDatabaseAsync() =>
        Task.FromResult(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(_folder, "data", "liqbot.db") });

    internal override Task DeleteDatabaseAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Open_NewFile_UsesWriteAheadLogging()
    {
        Assert.Equal("wal", await AskMigratedAsync("PRAGMA journal_mode"));
        Assert.True(File.Exists(Options.SqlitePath));
    }

    [Fact]
    public async Task Open_RunsOnTheBundledSqlite_3_53OrLater()
    {
        var version = Version.Parse((string)(await AskMigratedAsync("select sqlite_version()"))!);

        Assert.True(version >= new Version(3, 53), $"SQLite {version}");
    }

    [Fact]
    public async Task Open_FileThatIsNotADatabase_FailsWithAClearMessageAndLeavesTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Options.SqlitePath)!);
        var garbage = "this is not a database, it is a text file that happens to be where the database should be"u8.ToArray();
        await File.WriteAllBytesAsync(Options.SqlitePath, garbage);

        var first = await Assert.ThrowsAsync<StorageException>(() => Open().Subscriptions.GetSettingsAsync(new ChatAddress("console", "1"), CancellationToken.None));
        var again = await Assert.ThrowsAsync<StorageException>(() => OpenDatabase().EnsureMigratedAsync(CancellationToken.None));

        Assert.Contains(Options.SqlitePath, first.Message);
        Assert.Contains("damaged or not a database", first.Message);
        Assert.Equal(first.Message, again.Message);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(Options.SqlitePath));
    }

    [Fact]
    public async Task Open_PathThatIsAFolder_FailsWithAClearMessage()
    {
        Directory.CreateDirectory(Options.SqlitePath);

        var error = await Assert.ThrowsAsync<StorageException>(() => OpenDatabase().EnsureMigratedAsync(CancellationToken.None));

        Assert.Contains("Storage:SqlitePath", error.Message);
    }

    [Fact]
    public async Task LoadRealized_RowsOfTheWrongType_AreSkippedAndCounted()
    {
        // SQLite keeps text that is no number as text even in a REAL or INTEGER column: such a row is no liquidation.
        var database = OpenDatabase();
        await ExecuteAsync(database, "INSERT INTO realized_liquidations (venue, symbol, at_ms, side, price, usd) VALUES ('bybit', 'BTCUSDT', 1796100000000, 0, 'abc', 5)");
        await ExecuteAsync(database, "INSERT INTO realized_liquidations (venue, symbol, at_ms, side, price, usd) VALUES ('bybit', 'BTCUSDT', 'soon', 0, 60000, 5)");
        await ExecuteAsync(database, "INSERT INTO realized_liquidations (venue, symbol, at_ms, side, price, usd) VALUES ('bybit', 'BTCUSDT', 1796100000002, 1, 60000, 5)");

        var loaded = await new SqlRealizedStore(database).LoadAsync("bybit", "BTCUSDT", DateTimeOffset.FromUnixTimeMilliseconds(1796000000000), 10, CancellationToken.None);

        Assert.Equal([new RealizedLiquidation(DateTimeOffset.FromUnixTimeMilliseconds(1796100000002), PositionSide.Short, 60_000, 5)], loaded.Liquidations);
        Assert.Equal(2, loaded.Skipped); // 'soon' sorts after every number, so it counts as after since and is read, then skipped
    }

    private async Task<object?> AskMigratedAsync(string sql)
    {
        var database = OpenDatabase();
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Sql(sql);
        return await command.ExecuteScalarAsync();
    }
}
