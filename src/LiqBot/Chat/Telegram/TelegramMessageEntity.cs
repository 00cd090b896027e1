namespace LiqBot.Chat.Telegram;

/// <summary>A marked span of a message's text; Offset and Length count UTF-16 code units, as C# string indices do.</summary>
internal sealed record TelegramMessageEntity(string Type, int Offset, int Length);
