namespace LiqBot.Chat.Telegram;

internal sealed record TelegramUser(long Id, bool IsBot, string? FirstName, string? Username);
