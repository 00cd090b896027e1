using LiqBot.Storage;

using LiqBot.Engine.Alerts;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Open_ByInstancesStartingTogether_MigratesOnce()
    {
        var databases = Enumerable.Range(0, 4).Select(_ => OpenDatabase()).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(() => d.EnsureMigratedAsync(None))));

        var latest = databases[0].Migrations[^1].Version;
        Assert.Equal(latest, await ScalarAsync(databases[0], "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(latest, await ScalarAsync(databases[0], "SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task Open_ExistingDatabase_KeepsItsData()
    {
        var first = Open();
        await first.Subscriptions.SubscribeAsync(Telegram("1"), "BTCUSDT", AlertKinds.All, None);
        await first.Outbox.EnqueueAsync(new OutboxEnvelope("k", Telegram("1"), OutboxMessageKind.Reply, "hi"), None);
        await CrashAsync(first);

        var second = Open();

        Assert.Single(await second.Subscriptions.ListSubscriptionsAsync(Telegram("1"), None));
        Assert.Equal(1, await second.Outbox.CountPendingAsync(null, None));
        Assert.Equal(second.Database.Migrations.Count, await ScalarAsync(second.Database, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task Open_DatabaseFromANewerRelease_FailsWithAClearMessage()
    {
        var current = OpenDatabase();
        await current.EnsureMigratedAsync(None);
        await ExecuteAsync(current, "INSERT INTO schema_version (version, description, applied_at_ms) VALUES (999, 'future', 0)");

        var error = await Assert.ThrowsAsync<StorageException>(() => OpenDatabase().EnsureMigratedAsync(None));

        Assert.Contains("schema version 999", error.Message);
    }
}
