using System.Text.RegularExpressions;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Polly;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// What the poller does once before polling: drop a webhook if one is set (getUpdates would get 409),
/// learn its own username (getMe) and publish the command menu (setMyCommands).
/// </summary>
internal static partial class TelegramStartup
{
    /// <summary>The bot's username, or null when Telegram rejected the token (polling must not start).</summary>
    public static async Task<string?> PrepareAsync(
        ITelegramBotApi client, IReadOnlyList<CommandDescriptor> commands, TelegramOptions options, ResiliencePipeline retry, ILogger logger, CancellationToken stoppingToken)
    {
        var menu = ToBotCommands(commands);
        string? botName = string.IsNullOrWhiteSpace(options.BotName) ? null : options.BotName.TrimStart('@');
        try
        {
            return await retry.ExecuteAsync(
                async cancellationToken =>
                {
                    await client.DeleteWebhookAsync(cancellationToken);
                    botName ??= (await client.GetMeAsync(cancellationToken)).Username ?? throw new RequestException("Telegram getMe returned no username");
                    await client.SetMyCommandsAsync(menu, cancellationToken);
                    LogReady(logger, botName, menu.Count);
                    return botName;
                },
                stoppingToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            LogTokenRejected(logger);
            return null;
        }
    }

    /// <summary>The router's commands as Telegram's menu: names it accepts ([a-z0-9_], 1 to 32), descriptions cut to 256.</summary>
    public static IReadOnlyList<BotCommand> ToBotCommands(IReadOnlyList<CommandDescriptor> commands) =>
    [
        .. commands
            .Select(c => (Name: c.Name.ToLowerInvariant(), c.Description))
            .Where(c => CommandName().IsMatch(c.Name))
            .Select(c => new BotCommand(c.Name, c.Description.Length == 0 ? c.Name : c.Description.Length > 256 ? c.Description[..256] : c.Description))
            .Take(100),
    ];

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{BotName} ready; {Count} commands in its menu")]
    private static partial void LogReady(ILogger logger, string botName, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token (401 Unauthorized): Telegram polling stopped. Set Telegram__Token to the token BotFather gave")]
    private static partial void LogTokenRejected(ILogger logger);
}
