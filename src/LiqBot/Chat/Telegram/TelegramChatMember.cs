namespace LiqBot.Chat.Telegram;

/// <summary>getChatMember's answer; Status is creator, administrator, member, restricted, left or kicked.</summary>
internal sealed record TelegramChatMember(string Status, TelegramUser? User)
{
    public bool IsAdmin => Status is "creator" or "administrator";
}
