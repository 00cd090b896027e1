using Npgsql;

namespace LiqBot.Storage;

/// <summary>
/// A lease on a PostgreSQL session-level advisory lock, held on a connection of its own: when the
/// holder's process dies its session ends and the server releases the lock, so another instance
/// takes over at its next attempt.
/// </summary>
internal sealed class PostgresAdvisoryLease(string connectionString, long key) : ILeaderLease
{
    // Unpooled: a pooled connection would keep its session, and so the lock, after being "closed".
    private readonly string _unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    private NpgsqlConnection? _connection;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (await IsHeldAsync(cancellationToken))
        {
            return true;
        }

        var connection = new NpgsqlConnection(_unpooled);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                _connection = connection;
                return true;
            }
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            throw new StorageException("the PostgreSQL server did not answer the leader lease", e);
        }

        await connection.DisposeAsync();
        return false;
    }

    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            return false;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await _connection.DisposeAsync();
            _connection = null;
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
