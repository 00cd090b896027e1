using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

/// <summary>The leader lease on a real PostgreSQL server: one holder, and a takeover when the holder's session ends.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAdvisoryLeaseTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Lease_OneHolderAtATime_TakenOverWhenTheHolderGoes()
    {
        var database = await server.CreateDatabaseAsync();
        var first = new PostgresAdvisoryLease(database, 7_001);
        await using var second = new PostgresAdvisoryLease(database, 7_001);

        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        Assert.False(await second.TryAcquireAsync(CancellationToken.None));
        Assert.True(await first.IsHeldAsync(CancellationToken.None));

        await first.DisposeAsync(); // the holder's session ends, as when its process dies

        Assert.True(await second.TryAcquireAsync(CancellationToken.None));
        Assert.True(await second.IsHeldAsync(CancellationToken.None));
        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task Lease_OtherKeys_DoNotContend()
    {
        var database = await server.CreateDatabaseAsync();
        await using var telegram = new PostgresAdvisoryLease(database, 1);
        await using var other = new PostgresAdvisoryLease(database, 2);

        Assert.True(await telegram.TryAcquireAsync(CancellationToken.None));
        Assert.True(await other.TryAcquireAsync(CancellationToken.None));
    }
}
