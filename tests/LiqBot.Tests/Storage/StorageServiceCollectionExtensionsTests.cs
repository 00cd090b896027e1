using LiqBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using LiqBot.Engine.Alerts;

namespace LiqBot.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liqbot-di-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AddLiqBotStorage_Sqlite_MigratesOnStartAndServesTheStores()
    {
        var path = Path.Combine(_folder, "bot.db");
        await using var services = Build(new() { ["Storage:Provider"] = "sqlite", ["Storage:SqlitePath"] = path });

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(path));
        Assert.IsType<SqliteStorageDatabase>(services.GetRequiredService<StorageDatabase>());
        var chat = new ChatAddress(ChatPlatforms.Console, "stdin");
        await services.GetRequiredService<ISubscriptionStore>().SubscribeAsync(chat, "BTCUSDT", AlertKinds.All, CancellationToken.None);
        Assert.True(await services.GetRequiredService<IOutbox>().EnqueueAsync(
            new OutboxEnvelope("k", chat, OutboxMessageKind.Reply, "ok"), CancellationToken.None));
        Assert.Null(await services.GetRequiredService<ISummaryLog>().GetLastAsync(chat, "BTCUSDT", CancellationToken.None));
    }

    [Fact]
    public async Task AddLiqBotStorage_PostgresWithoutConnectionString_NamesTheKey()
    {
        await using var services = Build(new() { ["Storage:Provider"] = "postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:ConnectionString", error.Message);
    }

    [Fact]
    public async Task AddLiqBotStorage_MalformedConnectionString_NeverEchoesIt()
    {
        await using var services = Build(new()
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = "Host=db;Password=hunter2;Frobnicate=yes",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public async Task AddLiqBotStorage_OutOfRangeTimeout_NamesTheKey()
    {
        await using var services = Build(new() { ["Storage:BusyTimeout"] = "01:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:BusyTimeout", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLiqBotStorage(configuration).BuildServiceProvider();
    }
}
