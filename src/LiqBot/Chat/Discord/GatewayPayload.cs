using System.Text.Json;

namespace LiqBot.Chat.Discord;

/// <summary>One gateway message: {"op","d","s","t"}; s and t only on dispatches (op 0).</summary>
internal sealed record GatewayPayload(int Op, JsonElement Data, long? Sequence, string? EventName)
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;

    public static GatewayPayload Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var json = JsonDocument.ParseValue(ref reader);
        var root = json.RootElement;
        return new GatewayPayload(
            root.GetProperty("op").GetInt32(),
            root.TryGetProperty("d", out var d) ? d.Clone() : default,
            root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null,
            root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null);
    }
}
