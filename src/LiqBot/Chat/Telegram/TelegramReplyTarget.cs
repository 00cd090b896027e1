namespace LiqBot.Chat.Telegram;

/// <summary>The message a reply answers, and its forum topic when it was posted in one.</summary>
internal sealed record TelegramReplyTarget(int MessageId, int? ThreadId);
