using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiqBot.Chat.Telegram;

/// <summary>The Bot API's JSON: snake_case names, absent fields left out.</summary>
internal static class TelegramJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
