using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Who may run admin commands: configured admin user ids everywhere; in a private chat its own
/// user; in a group its creator and administrators (getChatMember), including an anonymous admin,
/// who posts as GroupAnonymousBot with the group itself as sender_chat.
/// </summary>
internal sealed partial class TelegramAdminCheck(ITelegramBotApi client, IOptions<TelegramOptions> options, ILogger<TelegramAdminCheck> logger)
{
    /// <summary>The check for the sender of <paramref name="message"/>; it calls Telegram only when asked, and only for groups.</summary>
    public Func<CancellationToken, ValueTask<bool>> For(Message message) => cancellationToken => IsAdminAsync(message, cancellationToken);

    private async ValueTask<bool> IsAdminAsync(Message message, CancellationToken cancellationToken)
    {
        var chat = message.Chat;
        if (message.SenderChat is { } senderChat)
        {
            // Only the group posting as itself is an anonymous admin; a linked channel posting into it is not.
            return senderChat.Id == chat.Id && IsGroup(chat.Type);
        }

        if (message.From is not { } user)
        {
            return false;
        }

        if (options.Value.AdminUserIds.Contains(user.Id))
        {
            return true;
        }

        if (chat.Type == ChatType.Private)
        {
            return user.Id == chat.Id;
        }

        if (!IsGroup(chat.Type))
        {
            return false;
        }

        try
        {
            var member = await client.GetChatMemberAsync(chat.Id, user.Id, cancellationToken);
            return member.IsAdmin;
        }
        catch (RequestException e)
        {
            LogCheckFailed(chat.Id, e.Message);
            return false;
        }
    }

    private static bool IsGroup(ChatType type) => type is ChatType.Group or ChatType.Supergroup;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check admin rights in Telegram chat {ChatId} ({Reason}); treating the sender as a member")]
    private partial void LogCheckFailed(long chatId, string reason);
}
