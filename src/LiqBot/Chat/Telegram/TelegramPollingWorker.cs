using LiqBot.Alerts;
using LiqBot.Resilience;
using LiqBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Polly;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Receives commands by getUpdates long polling and answers them through the durable outbox. An update
/// is handled one at a time; its answer is queued under keys named after the update in the same
/// transaction that stores the next offset (<see cref="ITelegramOffsetStore"/>), and the dispatcher is
/// woken at once. Each poll starts from the stored offset, so after a kill, or on the standby that takes
/// over, an update is either done (its answer queued, sent from the outbox however the kill fell) or
/// handled again from the start, with nothing of it queued but progress lines, whose keys keep them single.
/// Commands that change state set it (subscribe adds kinds, config sets a value) rather than toggle it,
/// so handling one again changes nothing more. A stop lets the update in hand finish and confirms it.
/// </summary>
internal sealed partial class TelegramPollingWorker(
    ITelegramBotApi client,
    ICommandRouter router,
    TelegramAdminCheck admins,
    ILeaderLease lease,
    ITelegramOffsetStore offsets,
    IOutbox outbox,
    OutboxSignal signal,
    Random random,
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
    private static readonly TimeSpan StoreRetryBase = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StoreRetryMax = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var botName = await TelegramStartup.PrepareAsync(client, router.Commands, options.Value, startupRetry, logger, stoppingToken);
        if (botName is null)
        {
            connection.Down(TokenRejected);
            return;
        }

        int? offset = null;
        var storeFailures = 0;
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

                if (!await CompleteAsync(update.Id + 1, await HandleAsync(update, botName)))
                {
                    // Nothing of the answer is queued and the offset did not move: the next poll brings the update again.
                    await Task.Delay(Backoff.Delay(storeFailures++, StoreRetryBase, StoreRetryMax, random), time, stoppingToken)
                        .ContinueWith(_ => { }, TaskScheduler.Default);
                    break;
                }

                storeFailures = 0;
                offset = update.Id + 1;
            }
        }

        await ConfirmAsync(offset);
    }

    private static int? Later(int? mine, int? stored) => mine is null ? stored : stored is null ? mine : Math.Max(mine.Value, stored.Value);

    // Not the stopping token: the update was handled, and its answer and offset should be kept even while stopping.
    private async Task<bool> CompleteAsync(int offset, IReadOnlyList<OutboxEnvelope> answer)
    {
        try
        {
            await offsets.SaveAsync(offset, answer, CancellationToken.None);
        }
        catch (Exception e) when (e is StorageException or System.Data.Common.DbException or TimeoutException)
        {
            LogNotStored(offset - 1, e.Message);
            return false;
        }

        if (answer.Count > 0)
        {
            signal.Notify();
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the answer to Telegram update {UpdateId} ({Reason}); handling it again")]
    private partial void LogNotStored(int updateId, string reason);

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
    private async Task<IReadOnlyList<OutboxEnvelope>> HandleAsync(Update update, string botName)
    {
        if (update.Message is not { } message
            || TelegramCommandParser.Parse(message, botName, options.Value.MaxArgumentsLength) is not { } command)
        {
            return [];
        }

        // Not the stopping token: a command in hand is answered even while the host stops, so it is never half done.
        using var handling = new CancellationTokenSource(HandlingTimeout, time);
        try
        {
            var replies = new TelegramUpdateReplies(
                botName, update.Id, message.Chat.Id, new TelegramReplyTarget(message.MessageId, message.IsTopicMessage == true ? message.MessageThreadId : null));
            var reply = command.ArgumentsTooLong
                ? ChatReply.Error($"That is too long: at most {options.Value.MaxArgumentsLength} characters after the command.")
                : await router.HandleAsync(ToRequest(message, command) with { Progress = (line, token) => QueueProgressAsync(replies.Progress(line), token) }, handling.Token);
            LogHandled(command.Name, message.Chat.Id);
            return replies.Answer(reply);
        }
        catch (Exception e)
        {
            LogHandlingFailed(e, command.Name, message.Chat.Id, update.Id);
            return [];
        }
    }

    // A progress line goes out at once, ahead of the answer; handled again, the update queues it under the same key, so not twice.
    private async Task QueueProgressAsync(OutboxEnvelope line, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(line, cancellationToken);
        signal.Notify();
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram /{Command} in chat {ChatId} answered; the answer goes through the outbox")]
    private partial void LogHandled(string command, long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram /{Command} in chat {ChatId} (update {UpdateId}) failed; skipped")]
    private partial void LogHandlingFailed(Exception exception, string command, long chatId, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not confirm Telegram updates before {Offset} ({Reason}); the next start may see them again")]
    private partial void LogConfirmFailed(int offset, string reason);
}
