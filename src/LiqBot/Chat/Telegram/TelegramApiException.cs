namespace LiqBot.Chat.Telegram;

/// <summary>
/// The Bot API answered ok=false. The message holds the method, the code and Telegram's
/// description, never the request address (it carries the token).
/// </summary>
internal sealed class TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter, long? migrateToChatId)
    : Exception($"Telegram {method} failed: {errorCode} {description}")
{
    public string Method { get; } = method;

    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    /// <summary>429: how long Telegram wants all sending to wait.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>400: the group became a supergroup with this id.</summary>
    public long? MigrateToChatId { get; } = migrateToChatId;

    /// <summary>Worth trying again later: flood control or a server error.</summary>
    public bool IsTransient => ErrorCode is 429 or >= 500;
}
