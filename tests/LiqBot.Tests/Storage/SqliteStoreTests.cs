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

    private async Task<object?> AskMigratedAsync(string sql)
    {
        var database = OpenDatabase();
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Sql(sql);
        return await command.ExecuteScalarAsync();
    }
}
