namespace LiqBot.Fakes.Telegram;

/// <summary>
/// A sendMessage or sendPhoto the fake accepted. Text is the text or caption as sent (HTML);
/// PlainText is what users see after entity parsing. Photo holds the uploaded bytes.
/// </summary>
public sealed record FakeTelegramSentMessage(
    string Method,
    long ChatId,
    string? Text,
    string PlainText,
    string? ParseMode,
    byte[]? Photo,
    string? PhotoFileName,
    long? ReplyToMessageId,
    long? MessageThreadId,
    DateTimeOffset At);
