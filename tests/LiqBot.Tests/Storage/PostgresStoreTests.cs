using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL server, one fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServerFixture server) : StoreContractTests
{
    internal override async Task<StorageOptions> CreateEmptyDatabaseAsync() =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = await server.CreateDatabaseAsync() };

    internal override Task DeleteDatabaseAsync() => server.DropDatabaseAsync(Options.ConnectionString!);
}
