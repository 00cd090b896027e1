namespace LiqBot.Storage;

internal enum StorageProvider
{
    /// <summary>One file under data/, for a single instance. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by several instances.</summary>
    Postgres,
}
