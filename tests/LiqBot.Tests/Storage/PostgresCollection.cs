namespace LiqBot.Tests.Storage;

/// <summary>All PostgreSQL tests share one throwaway server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
