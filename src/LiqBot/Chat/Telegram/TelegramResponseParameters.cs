namespace LiqBot.Chat.Telegram;

/// <summary>Why a call failed in a way the caller can act on: flood control, or a group that became a supergroup.</summary>
internal sealed record TelegramResponseParameters(long? MigrateToChatId, int? RetryAfter);
