using System.Data.Common;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary><see cref="IRealizedStore"/> over either database (tables realized_liquidations and feed_outages, migration 5; bot_state for how far each stream was live).</summary>
internal sealed class SqlRealizedStore(StorageDatabase database) : IRealizedStore
{
    private const string LiveUntilPrefix = "realized_live_until:";

    public async Task WriteAsync(RealizedBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (batch.Liquidations.Count > 0)
        {
            await using var insert = connection.Sql("""
                INSERT INTO realized_liquidations (venue, symbol, at_ms, side, price, usd) VALUES (@venue, @symbol, @at_ms, @side, @price, @usd)
                ON CONFLICT (venue, symbol, at_ms, side, price, usd) DO NOTHING
                """, transaction).With("@venue", "").With("@symbol", "").With("@at_ms", 0L).With("@side", (short)0).With("@price", 0.0).With("@usd", 0.0);
            // In key order: instances writing the same points then take their row locks in one order (no deadlock on PostgreSQL).
            foreach (var (venue, symbol, liquidation) in batch.Liquidations.OrderBy(l => l.Venue, StringComparer.Ordinal).ThenBy(l => l.Symbol, StringComparer.Ordinal)
                .ThenBy(l => l.Liquidation.Time).ThenBy(l => l.Liquidation.Side).ThenBy(l => l.Liquidation.Price).ThenBy(l => l.Liquidation.NotionalUsd))
            {
                insert.Parameters[0].Value = venue;
                insert.Parameters[1].Value = symbol;
                insert.Parameters[2].Value = liquidation.Time.ToUnixMs();
                insert.Parameters[3].Value = (short)liquidation.Side;
                insert.Parameters[4].Value = liquidation.Price;
                insert.Parameters[5].Value = liquidation.NotionalUsd;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var outage in batch.Outages.OrderBy(o => o.Venue, StringComparer.Ordinal).ThenBy(o => o.From))
        {
            // An open outage is stored without an end and given one when it closes; a closed one never reopens.
            await using var upsert = connection.Sql("""
                INSERT INTO feed_outages (venue, from_ms, to_ms, reason) VALUES (@venue, @from_ms, @to_ms, @reason)
                ON CONFLICT (venue, from_ms) DO UPDATE SET to_ms = excluded.to_ms, reason = excluded.reason
                WHERE feed_outages.to_ms IS NULL OR (excluded.to_ms IS NOT NULL AND excluded.to_ms > feed_outages.to_ms)
                """, transaction).With("@venue", outage.Venue).With("@from_ms", outage.From.ToUnixMs()).With("@to_ms", outage.To?.ToUnixMs()).With("@reason", outage.Reason);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (venue, until) in batch.LiveUntil.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await using var live = connection.Sql("""
                INSERT INTO bot_state (name, value) VALUES (@name, @value)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE bot_state.value < excluded.value
                """, transaction).With("@name", LiveUntilPrefix + venue).With("@value", until.ToUnixMs());
            await live.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredRealized> LoadAsync(string venue, string symbol, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            SELECT at_ms, side, price, usd FROM realized_liquidations
            WHERE venue = @venue AND symbol = @symbol AND at_ms >= @since
            ORDER BY at_ms DESC LIMIT @max
            """).With("@venue", venue).With("@symbol", symbol).With("@since", since.ToUnixMs()).With("@max", (long)max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var newestFirst = new List<RealizedLiquidation>();
        var skipped = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Read(reader) is { } liquidation)
            {
                newestFirst.Add(liquidation);
            }
            else
            {
                skipped++;
            }
        }

        newestFirst.Reverse();
        return new StoredRealized(newestFirst, skipped);
    }

    public async Task<IReadOnlyList<FeedOutage>> LoadOutagesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            SELECT venue, from_ms, to_ms, reason FROM feed_outages WHERE to_ms IS NULL OR to_ms >= @since ORDER BY from_ms
            """).With("@since", since.ToUnixMs());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var outages = new List<FeedOutage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var to = reader.GetNullableInt64(2);
            outages.Add(new FeedOutage(DbCommandExtensions.FromUnixMs(reader.GetInt64(1)), to is { } ms ? DbCommandExtensions.FromUnixMs(ms) : null, reader.GetString(0), reader.GetNullableString(3)));
        }

        return outages;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LoadLiveUntilAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT name, value FROM bot_state WHERE name LIKE @prefix").With("@prefix", LiveUntilPrefix + "%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var live = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            live[reader.GetString(0)[LiveUntilPrefix.Length..]] = DbCommandExtensions.FromUnixMs(reader.GetInt64(1));
        }

        return live;
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var liquidations = connection.Sql("DELETE FROM realized_liquidations WHERE at_ms < @before").With("@before", before.ToUnixMs());
        var deleted = await liquidations.ExecuteNonQueryAsync(cancellationToken);
        await using var outages = connection.Sql("DELETE FROM feed_outages WHERE to_ms < @before").With("@before", before.ToUnixMs());
        return deleted + await outages.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> TrimAsync(string venue, string symbol, int keep, CancellationToken cancellationToken)
    {
        // Older than the keep-th newest: points sharing its millisecond stay, so never fewer than keep are left.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            DELETE FROM realized_liquidations WHERE venue = @venue AND symbol = @symbol AND at_ms < (
                SELECT at_ms FROM realized_liquidations WHERE venue = @venue AND symbol = @symbol ORDER BY at_ms DESC LIMIT 1 OFFSET @keep)
            """).With("@venue", venue).With("@symbol", symbol).With("@keep", (long)Math.Max(0, keep - 1));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A row as a liquidation, or null when it is not one (a wrong type, an unknown side, a price or size that is no amount).</summary>
    private static RealizedLiquidation? Read(DbDataReader reader)
    {
        if (Whole(reader.GetValue(0)) is not { } ms || Whole(reader.GetValue(1)) is not ({ } side and (0 or 1))
            || reader.GetValue(2) is not double price || reader.GetValue(3) is not double usd
            || !(price > 0) || !(usd > 0) || double.IsInfinity(price) || double.IsInfinity(usd)
            || ms < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return null;
        }

        return new RealizedLiquidation(DbCommandExtensions.FromUnixMs(ms), (PositionSide)side, price, usd);
    }

    private static long? Whole(object value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        _ => null,
    };
}
