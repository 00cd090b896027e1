namespace LiqBot.Chat.Telegram;

/// <summary>
/// A Bot API call did not get an answer (connection failure, timeout, unreadable body). The
/// message is rebuilt here from the cause's type and text with the token removed; the cause is
/// not attached, so nothing that saw the request address reaches a log.
/// </summary>
internal sealed class TelegramNetworkException(string message) : Exception(message);
