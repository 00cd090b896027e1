using System.ComponentModel.DataAnnotations;
using LiqBot.Hosting;
using Npgsql;

namespace LiqBot.Storage;

/// <summary>
/// The Storage section of the configuration, checked by the generated <see cref="StorageOptionsValidator"/>;
/// each failure names its key and never echoes the connection string.
/// </summary>
internal sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>Storage:Provider, sqlite or postgres.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Storage:SqlitePath, the database file; relative paths are from the working directory.</summary>
    public string SqlitePath { get; set; } = "data/liqbot.db";

    /// <summary>Storage:ConnectionString, for postgres. May hold a password: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Storage:BusyTimeout, how long SQLite waits for another writer before failing.</summary>
    [SettingRange("Storage:BusyTimeout", typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Storage:CommandTimeout, the longest any one statement may run.</summary>
    [SettingRange("Storage:CommandTimeout", typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult("Storage:Provider must be sqlite or postgres.", [nameof(Provider)]);
        }

        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            yield return new ValidationResult("Storage:SqlitePath must name the SQLite database file, e.g. data/liqbot.db.", [nameof(SqlitePath)]);
        }

        if (Provider == StorageProvider.Postgres && !IsUsableConnectionString(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString must be a valid PostgreSQL connection string (Host=...;Database=...;Username=...) when Storage:Provider is postgres.",
                [nameof(ConnectionString)]);
        }
    }

    private static bool IsUsableConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            // The parser's message can quote the string, password included: only the verdict leaves here.
            return false;
        }
    }
}
