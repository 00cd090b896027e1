using LiqBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Polly;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Receives commands by getUpdates long polling and answers them. An update is confirmed (the
/// offset moves past it) only after it was handled, one at a time, and a stop lets the update in
/// hand finish and confirms it, so across a restart none is lost and none is handled twice. The
/// offset is also stored after each update (<see cref="ITelegramOffsetStore"/>), and each poll starts
/// from the stored one: after a kill, or on the standby that takes over, only the update in hand at
/// the kill can be handled again, not every update since the last poll.
/// </summary>
internal sealed partial class TelegramPollingWorker(
    ITelegramBotApi client,
    ICommandRouter router,
    TelegramReplySender replies,
    TelegramAdminCheck admins,
    ILeaderLease lease,
    ITelegramOffsetStore offsets,
    [FromKeyedServices(ChatPlatforms.Telegram)] ChatConnection connection,
    [FromKeyedServices(TelegramRetries.StartKey)] ResiliencePipeline startupRetry,
    [FromKeyedServices(TelegramRetries.PollKey)] ResiliencePipeline pollRetry,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingWorker> logger) : BackgroundService
{
    private const int UpdatesPerPoll = 100;
    private const string TokenRejected = "the bot token was rejected (401)";

    // Telegram allows one getUpdates consumer per token: instances wait for the lease, and a standby
    // asks again this often, so it takes over well within 30 s of the poller's death.
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HandlingTimeout = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var botName = await TelegramStartup.PrepareAsync(client, router.Commands, options.Value, startupRetry, logger, stoppingToken);
        if (botName is null)
        {
            connection.Down(TokenRejected);
            return;
        }

        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<Update> updates;
            try
            {
                // Every try holds the lease first: a poller that lost it during a failure streak stands by.
                // The stored offset is read under the lease: a standby that took over starts where the poller stopped.
                updates = await pollRetry.ExecuteAsync(
                    async ct =>
                    {
                        await HoldLeaseAsync(ct);
                        offset = Later(offset, await offsets.GetAsync(ct));
                        return await client.GetUpdatesAsync(offset, UpdatesPerPoll, options.Value.PollTimeout, ct);
                    },
                    stoppingToken);
                connection.Up();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 401)
            {
                LogTokenRejected();
                connection.Down(TokenRejected);
                return;
            }

            foreach (var update in updates)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                await HandleAsync(update, botName);
                offset = update.Id + 1;
                await SaveOffsetAsync(offset.Value);
            }
        }

        await ConfirmAsync(offset);
    }

    private static int? Later(int? mine, int? stored) => mine is null ? stored : stored is null ? mine : Math.Max(mine.Value, stored.Value);

    // Not the stopping token: the update was handled, and its offset should be kept even while stopping.
    private async Task SaveOffsetAsync(int offset)
    {
        try
        {
            await offsets.SaveAsync(offset, CancellationToken.None);
        }
        catch (Exception e) when (e is StorageException or System.Data.Common.DbException or TimeoutException)
        {
            // Telegram is still told at the next poll; only a kill before then would see the update again.
            LogOffsetNotSaved(offset, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the Telegram update offset {Offset} ({Reason}); a kill before the next poll would handle it again")]
    private partial void LogOffsetNotSaved(int offset, string reason);

    /// <summary>Returns once this instance holds the poller lease; throws when stopping.</summary>
    private async Task HoldLeaseAsync(CancellationToken stoppingToken)
    {
        var waited = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(stoppingToken))
                {
                    if (waited)
                    {
                        LogLeaseTaken();
                    }

                    return;
                }
            }
            catch (StorageException e)
            {
                LogLeaseUnavailable(e.Message);
            }

            if (!waited)
            {
                // Another instance polls: this one is fine as a standby.
                connection.Up();
                LogLeaseWaiting();
                waited = true;
            }

            await Task.Delay(LeaseRetry, time, stoppingToken);
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance polls Telegram; standing by")]
    private partial void LogLeaseWaiting();

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over Telegram polling")]
    private partial void LogLeaseTaken();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram poller lease unavailable: {Reason}")]
    private partial void LogLeaseUnavailable(string reason);

    // A failing update is logged and passed over: retrying it forever would stop every chat's commands.
    private async Task HandleAsync(Update update, string botName)
    {
        if (update.Message is not { } message
            || TelegramCommandParser.Parse(message, botName, options.Value.MaxArgumentsLength) is not { } command)
        {
            return;
        }

        // Not the stopping token: a command in hand is answered even while the host stops, so it is never half done.
        using var handling = new CancellationTokenSource(HandlingTimeout, time);
        try
        {
            var replyTo = new TelegramReplyTarget(message.MessageId, message.IsTopicMessage == true ? message.MessageThreadId : null);
            var reply = command.ArgumentsTooLong
                ? ChatReply.Error($"That is too long: at most {options.Value.MaxArgumentsLength} characters after the command.")
                : await router.HandleAsync(ToRequest(message, command) with { Progress = (line, token) => replies.SendAsync(message.Chat.Id, replyTo, new ChatReply(line), token) }, handling.Token);
            await replies.SendAsync(message.Chat.Id, replyTo, reply, handling.Token);
            LogHandled(command.Name, message.Chat.Id);
        }
        catch (Exception e)
        {
            LogHandlingFailed(e, command.Name, message.Chat.Id, update.Id);
        }
    }

    private ChatRequest ToRequest(Message message, TelegramCommand command) => new(
        new ChatAddress(ChatPlatforms.Telegram, message.Chat.Id.ToString()),
        (message.From?.Id ?? message.SenderChat?.Id ?? message.Chat.Id).ToString(),
        command.Name,
        command.Arguments,
        admins.For(message));

    // getUpdates with the next offset confirms what was handled; otherwise the next instance would get it again.
    private async Task ConfirmAsync(int? offset)
    {
        if (offset is null)
        {
            return;
        }

        try
        {
            await client.GetUpdatesAsync(offset, 1, TimeSpan.Zero, CancellationToken.None);
        }
        catch (RequestException e)
        {
            LogConfirmFailed(offset.Value, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token (401 Unauthorized): Telegram polling stopped. Set Telegram__Token to the token BotFather gave")]
    private partial void LogTokenRejected();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram /{Command} in chat {ChatId} answered")]
    private partial void LogHandled(string command, long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram /{Command} in chat {ChatId} (update {UpdateId}) failed; skipped")]
    private partial void LogHandlingFailed(Exception exception, string command, long chatId, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not confirm Telegram updates before {Offset} ({Reason}); the next start may see them again")]
    private partial void LogConfirmFailed(int offset, string reason);
}
