using Telegram.Bot.Exceptions;

namespace LiqBot.Chat.Telegram;

/// <summary>What an error answer from the Bot API asks of the caller.</summary>
internal static class TelegramApiErrors
{
    /// <summary>Worth trying again later: flood control or a server error.</summary>
    public static bool IsTransient(this ApiRequestException error) => error.ErrorCode is 429 or >= 500;

    /// <summary>429: how long Telegram wants all sending to wait.</summary>
    public static TimeSpan? RetryAfter(this ApiRequestException error) =>
        error.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null;
}
