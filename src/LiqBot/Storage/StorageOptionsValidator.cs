using Microsoft.Extensions.Options;
using Npgsql;

namespace LiqBot.Storage;

/// <summary>Checks the Storage section on start; each failure names its key and never echoes the connection string.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add("Storage:Provider must be sqlite or postgres.");
        }

        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Storage:SqlitePath must name the SQLite database file, e.g. data/liqbot.db.");
        }

        if (options.Provider == StorageProvider.Postgres && !IsUsableConnectionString(options.ConnectionString))
        {
            failures.Add("Storage:ConnectionString must be a valid PostgreSQL connection string (Host=...;Database=...;Username=...) when Storage:Provider is postgres.");
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Storage:BusyTimeout must be from 00:00:00 to 00:05:00.");
        }

        if (options.CommandTimeout < TimeSpan.FromSeconds(1) || options.CommandTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Storage:CommandTimeout must be from 00:00:01 to 00:10:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
