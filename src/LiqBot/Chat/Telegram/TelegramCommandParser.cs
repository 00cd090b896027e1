using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Finds the command of a message: the bot_command entity at offset 0 (offsets count UTF-16 units,
/// as string indices do), lower-cased, without its @BotName; arguments are the words after it.
/// </summary>
internal static class TelegramCommandParser
{
    /// <summary>Null when the message is no command, or a command addressed to another bot.</summary>
    public static TelegramCommand? Parse(Message message, string botName, int maxArgumentsLength)
    {
        var text = message.Text;
        var entity = message.Entities?.FirstOrDefault(e => e is { Type: MessageEntityType.BotCommand, Offset: 0 });
        if (text is null || entity is null || entity.Length < 2 || entity.Length > text.Length || text[0] != '/')
        {
            return null;
        }

        var command = text[1..entity.Length];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var addressee = command[(at + 1)..];
            if (!addressee.Equals(botName.TrimStart('@'), StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            command = command[..at];
        }

        if (command.Length == 0)
        {
            return null;
        }

        var rest = text[entity.Length..];
        if (rest.Length > maxArgumentsLength)
        {
            return new TelegramCommand(command.ToLowerInvariant(), [], ArgumentsTooLong: true);
        }

        var arguments = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new TelegramCommand(command.ToLowerInvariant(), arguments);
    }
}
