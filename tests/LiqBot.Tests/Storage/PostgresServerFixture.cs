using System.Diagnostics;
using Npgsql;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL server for the store tests: initdb into a temp folder, start on 127.0.0.1
/// with a free port, stop and delete on dispose. LIQBOT_TEST_POSTGRES (a connection string to a
/// server whose user may create databases) replaces it. Each test gets a database of its own.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "LIQBOT_TEST_POSTGRES";

    private string? _dataRoot;
    private string? _binDirectory;

    public string AdminConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            return;
        }

        _binDirectory = FindServerBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql (apt-get install postgresql) "
            + $"or set {ConnectionStringVariable} to a connection string.");

        var asRoot = Environment.UserName == "root";
        // As root, under /tmp: the postgres user must be able to reach the folder (root's TMPDIR may be private),
        // and the unix socket path inside it must stay under the 107-character limit.
        _dataRoot = asRoot
            ? Directory.CreateDirectory(Path.Combine("/tmp", $"liqbot-pg-{Guid.NewGuid():N}")).FullName
            : Directory.CreateTempSubdirectory("liqbot-pg-").FullName;
        var dataDirectory = Path.Combine(_dataRoot, "data");
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _dataRoot], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot);

        var port = FreeTcpPort.Pick();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {_dataRoot} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", dataDirectory, "-l", Path.Combine(_dataRoot, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);

        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"liqbot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dataRoot is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
                ["-D", Path.Combine(_dataRoot, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }
        finally
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
    }

    private static string? FindServerBinaries()
    {
        const string debianRoot = "/usr/lib/postgresql";
        var candidates = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot).OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
            : [];
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        return candidates.Concat(fromPath).FirstOrDefault(dir =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    private static int VersionOf(string directory) =>
        int.TryParse(Path.GetFileName(directory), out var version) ? version : 0;


    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        // postgres refuses to run as root: as root, run the server tools as the postgres user.
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
