namespace LiqBot.Storage;

/// <summary>The Storage section of the configuration.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Storage:Provider, sqlite or postgres.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Storage:SqlitePath, the database file; relative paths are from the working directory.</summary>
    public string SqlitePath { get; set; } = "data/liqbot.db";

    /// <summary>Storage:ConnectionString, for postgres. May hold a password: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Storage:BusyTimeout, how long SQLite waits for another writer before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Storage:CommandTimeout, the longest any one statement may run.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
