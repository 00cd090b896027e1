using Telegram.Bot.Types;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// The Bot API methods the bot uses, and nothing else. Failures arrive as Telegram.Bot's
/// exceptions: ApiRequestException when Telegram answered with an error (code, retry_after,
/// migrate_to_chat_id), RequestException when no usable answer came (network, timeout).
/// </summary>
internal interface ITelegramBotApi
{
    Task<User> GetMeAsync(CancellationToken cancellationToken);

    Task DeleteWebhookAsync(CancellationToken cancellationToken);

    Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken);

    /// <summary>Long poll: waits up to <paramref name="timeout"/> for messages from <paramref name="offset"/> on (confirming those before it).</summary>
    Task<IReadOnlyList<Update>> GetUpdatesAsync(int? offset, int limit, TimeSpan timeout, CancellationToken cancellationToken);

    Task SendMessageAsync(long chatId, string html, TelegramReplyTarget? replyTo, CancellationToken cancellationToken);

    /// <summary>Uploads a PNG (multipart/form-data) with an optional HTML caption.</summary>
    Task SendPhotoAsync(long chatId, string fileName, byte[] png, string? captionHtml, TelegramReplyTarget? replyTo, CancellationToken cancellationToken);

    Task<ChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken);
}
