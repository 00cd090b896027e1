using System.Text.Json;
using System.Text.Json.Serialization;
using LiqBot.Engine.Zones;

namespace LiqBot.Storage;

/// <summary><see cref="ISummaryLog"/> over either database; zones are kept as JSON, read back whole.</summary>
internal sealed class SqlSummaryLog(StorageDatabase database) : ISummaryLog
{
    private static readonly JsonSerializerOptions ZoneJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<SummaryRecord?> GetLastAsync(ChatAddress chat, string symbol, CancellationToken cancellationToken)
    {
        symbol = SymbolText.Normalize(symbol);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            SELECT posted_at_ms, price, zones_json FROM summary_log
            WHERE platform = @platform AND chat_id = @chat_id AND symbol = @symbol
            """).WithChat(chat).With("@symbol", symbol);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var zones = JsonSerializer.Deserialize<List<Zone>>(reader.GetString(2), ZoneJson) ?? [];
        return new SummaryRecord(chat, symbol, DbCommandExtensions.FromUnixMs(reader.GetInt64(0)), reader.GetDouble(1), zones);
    }

    public async Task RecordAsync(SummaryRecord summary, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            INSERT INTO summary_log (platform, chat_id, symbol, posted_at_ms, price, zones_json)
            VALUES (@platform, @chat_id, @symbol, @posted_at_ms, @price, @zones_json)
            ON CONFLICT (platform, chat_id, symbol) DO UPDATE SET
                posted_at_ms = excluded.posted_at_ms, price = excluded.price, zones_json = excluded.zones_json
            """)
            .WithChat(summary.Chat)
            .With("@symbol", SymbolText.Normalize(summary.Symbol))
            .With("@posted_at_ms", summary.PostedAt.ToUnixMs())
            .With("@price", summary.Price)
            .With("@zones_json", JsonSerializer.Serialize(summary.Zones, ZoneJson));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
