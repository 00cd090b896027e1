namespace LiqBot.Chat.Telegram;

/// <summary>A chat: Type is private, group, supergroup or channel; groups have negative ids.</summary>
internal sealed record TelegramChat(long Id, string Type, string? Title, string? Username)
{
    public bool IsPrivate => Type == "private";

    public bool IsGroup => Type is "group" or "supergroup";
}
