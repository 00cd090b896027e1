namespace LiqBot.Chat.Telegram;

/// <summary>One getUpdates entry; only messages are asked for (allowed_updates ["message"]).</summary>
internal sealed record TelegramUpdate(long UpdateId, TelegramMessage? Message);
