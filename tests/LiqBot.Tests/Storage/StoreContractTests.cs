using System.Data.Common;
using LiqBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Storage;

/// <summary>
/// The behaviour every store provider must have. Each derived class supplies an empty database per
/// test; "restarting" is opening a second <see cref="StorageDatabase"/> on the same database.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly List<StorageDatabase> _opened = [];

    internal FakeTimeProvider Clock { get; } = TestClock.New();

    internal StorageOptions Options { get; private set; } = new();

    public async Task InitializeAsync() => Options = await CreateEmptyDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await DeleteDatabaseAsync();
    }

    internal abstract Task<StorageOptions> CreateEmptyDatabaseAsync();

    internal abstract Task DeleteDatabaseAsync();

    internal StoreInstance Open() => new(OpenDatabase());

    internal StorageDatabase OpenDatabase()
    {
        var database = StorageDatabase.Create(Options, Clock, NullLoggerFactory.Instance);
        _opened.Add(database);
        return database;
    }

    /// <summary>Simulates kill -9: the instance's connections go away without anything being marked.</summary>
    internal async Task CrashAsync(StoreInstance instance)
    {
        _opened.Remove(instance.Database);
        await instance.Database.DisposeAsync();
    }

    internal static async Task<long> ScalarAsync(StorageDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(None);
        await using var command = connection.Sql(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(None), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static async Task ExecuteAsync(StorageDatabase database, string sql)
    {
        await using DbConnection connection = await database.OpenAsync(None);
        await using var command = connection.Sql(sql);
        await command.ExecuteNonQueryAsync(None);
    }

    private static ChatAddress Telegram(string id) => new(ChatPlatforms.Telegram, id);

    private static ChatAddress Discord(string id) => new(ChatPlatforms.Discord, id);
}
