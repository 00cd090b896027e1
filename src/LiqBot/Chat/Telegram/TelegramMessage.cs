namespace LiqBot.Chat.Telegram;

/// <summary>The fields of a Message the bot uses. SenderChat is set when an anonymous admin or a channel posts.</summary>
internal sealed record TelegramMessage(
    long MessageId,
    long? MessageThreadId,
    TelegramUser? From,
    TelegramChat? SenderChat,
    TelegramChat Chat,
    string? Text,
    IReadOnlyList<TelegramMessageEntity>? Entities,
    bool? IsTopicMessage);
