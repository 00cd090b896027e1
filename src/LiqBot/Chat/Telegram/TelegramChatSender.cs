using System.Collections.Concurrent;
using LiqBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using LiqBot.Resilience;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Posts outbox batches to Telegram (alerts, summaries and command replies): chats take turns one message at a time, every send waits
/// for its place under <see cref="TelegramRateLimiter"/>, and each answer becomes one delivery
/// report. A message that cannot start before the batch's time is up goes back to the outbox
/// (RetryLater), so a batch never outlives its lease. On stop, sends already started finish and
/// are reported; the rest go back to the outbox due at once, so a new instance resumes with them.
/// </summary>
internal sealed partial class TelegramChatSender(
    ITelegramBotApi client,
    TelegramRateLimiter limiter,
    TelegramLimiterSeed seed,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    Random random,
    ILogger<TelegramChatSender> logger) : IChatSender
{
    private static readonly TimeSpan RetryBase = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryMax = TimeSpan.FromMinutes(5);

    public string Platform => ChatPlatforms.Telegram;

    public async Task SendAsync(IReadOnlyList<OutboxMessage> batch, IDeliveryReport report, CancellationToken cancellationToken)
    {
        await seed.BeforeBatchAsync(batch, cancellationToken);
        var addressed = new List<(long, OutboxMessage)>(batch.Count);
        foreach (var message in batch)
        {
            if (long.TryParse(message.Chat.ChatId, out var chatId))
            {
                addressed.Add((chatId, message));
            }
            else
            {
                await SettleAsync(message, r => r.FailedAsync(message, "not a Telegram chat id", CancellationToken.None), report);
            }
        }

        var queue = new FairChatQueue(addressed);
        var verdicts = new ConcurrentDictionary<long, TelegramChatVerdict>();
        var inFlight = new List<Task>(batch.Count);
        var deadline = time.GetUtcNow() + options.Value.MaxBatchDuration;
        while (queue.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var changed = limiter.Changed;
            var soonest = TimeSpan.MaxValue;
            var started = false;
            foreach (var chatId in queue.Turns())
            {
                if (verdicts.TryGetValue(chatId, out var verdict))
                {
                    await SettleAllAsync(queue.TakeAll(chatId), verdict, report);
                    continue;
                }

                var decision = limiter.TryStart(chatId);
                if (decision.Allowed)
                {
                    inFlight.Add(SendOneAsync(chatId, queue.Take(chatId), report, verdicts));
                    started = true;
                    continue;
                }

                if (decision.Wait != TimeSpan.MaxValue && time.GetUtcNow() + decision.Wait > deadline)
                {
                    var returned = decision.Global ? queue.TakeEverything() : queue.TakeAll(chatId);
                    await SettleAllAsync(returned, TelegramChatVerdict.Later(decision.Wait, "rate limit: no turn within this batch"), report);
                }
                else if (decision.Wait < soonest)
                {
                    soonest = decision.Wait;
                }

                if (decision.Global)
                {
                    break;
                }
            }

            if (!started && queue.Count > 0)
            {
                try
                {
                    await TelegramWaits.UntilAsync(soonest, changed, time, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        if (queue.Count > 0)
        {
            LogStopping(queue.Count);
            await SettleAllAsync(queue.TakeEverything(), TelegramChatVerdict.Later(TimeSpan.Zero, "sender stopped before sending"), report);
        }

        await Task.WhenAll(inFlight);
    }

    // The send itself is not cancelled by a stop: once it started, its answer must be recorded or it would be sent twice.
    private async Task SendOneAsync(long chatId, OutboxMessage message, IDeliveryReport report, ConcurrentDictionary<long, TelegramChatVerdict> verdicts)
    {
        Func<IDeliveryReport, Task> outcome;
        var rest = string.Empty;
        try
        {
            rest = await DeliverAsync(chatId, message);
            outcome = r => r.SentAsync(message, CancellationToken.None);
        }
        catch (ApiRequestException e)
        {
            outcome = Classify(chatId, message, e, verdicts);
        }
        catch (RequestException e)
        {
            var delay = Backoff.Delay(message.Attempts - 1, RetryBase, RetryMax, random);
            outcome = r => r.RetryLaterAsync(message, delay, e.Message, CancellationToken.None);
        }
        finally
        {
            limiter.Answered(chatId);
        }

        await SettleAsync(message, outcome, report);
        if (rest.Length > 0)
        {
            await SendRestAsync(chatId, message.Id, rest);
        }
    }

    /// <summary>
    /// The text a caption could not hold, after its photo was sent and reported: as messages, each in its own place
    /// under the limiter. A failure is logged, not retried: retrying the message would send its photo twice.
    /// </summary>
    private async Task SendRestAsync(long chatId, long messageId, string rest)
    {
        foreach (var piece in TelegramTextSplitter.Split(rest, TelegramTextSplitter.MaxMessageLength))
        {
            using var wait = new CancellationTokenSource(options.Value.MaxBatchDuration, time);
            try
            {
                await limiter.StartAsync(chatId, wait.Token);
            }
            catch (OperationCanceledException)
            {
                LogRestNotSent(messageId, "no place under the rate limit within a batch's time");
                return;
            }

            try
            {
                await client.SendMessageAsync(chatId, TelegramHtml.Escape(piece), null, CancellationToken.None);
            }
            catch (Exception e) when (e is ApiRequestException or RequestException)
            {
                if ((e as ApiRequestException)?.RetryAfter() is { } retryAfter)
                {
                    limiter.PauseAll(retryAfter);
                }

                LogRestNotSent(messageId, e.Message);
                return;
            }
            finally
            {
                limiter.Answered(chatId);
            }
        }
    }

    private Func<IDeliveryReport, Task> Classify(long chatId, OutboxMessage message, ApiRequestException e, ConcurrentDictionary<long, TelegramChatVerdict> verdicts)
    {
        switch (e.ErrorCode)
        {
            case 429:
                var retryAfter = e.RetryAfter() ?? TimeSpan.FromSeconds(1);
                LogFloodControl(retryAfter.TotalSeconds);
                limiter.PauseAll(retryAfter);
                return r => r.RetryLaterAsync(message, retryAfter, e.Message, CancellationToken.None);
            case 403:
                verdicts[chatId] = TelegramChatVerdict.Unavailable(e.Message);
                return r => r.ChatUnavailableAsync(message, e.Message, CancellationToken.None);
            case 400 when e.Parameters?.MigrateToChatId is long newId:
                verdicts[chatId] = TelegramChatVerdict.Later(TimeSpan.Zero, $"chat moved to {newId}");
                return r => r.ChatMovedAsync(message, newId.ToString(), CancellationToken.None);
            case 401 or 404:
                // The token is wrong or revoked: not the message's fault, keep it for when the token is fixed.
                LogTokenRejected(e.ErrorCode);
                return r => r.RetryLaterAsync(message, RetryMax, e.Message, CancellationToken.None);
            case >= 500:
                var delay = Backoff.Delay(message.Attempts - 1, RetryBase, RetryMax, random);
                return r => r.RetryLaterAsync(message, delay, e.Message, CancellationToken.None);
            default:
                return r => r.FailedAsync(message, e.Message, CancellationToken.None);
        }
    }

    /// <summary>Sends the message; returns the text a photo's caption (1,024 characters) could not hold, sent after it.</summary>
    private async Task<string> DeliverAsync(long chatId, OutboxMessage message)
    {
        // A command reply answers the user's message, in its forum topic; alerts and summaries stand alone.
        var replyTo = message.ReplyToMessageId is { } messageId ? new TelegramReplyTarget((int)messageId, (int?)message.ReplyThreadId) : null;
        if (message.Png is { } png)
        {
            var (caption, rest) = TelegramTextSplitter.SplitHead(message.Text, TelegramTextSplitter.MaxCaptionLength);
            await client.SendPhotoAsync(chatId, message.Kind.ToString().ToLowerInvariant() + ".png", png, TelegramHtml.Escape(caption), replyTo, CancellationToken.None);
            return rest;
        }

        await client.SendMessageAsync(chatId, TelegramHtml.Escape(Shorten(message.Text, TelegramTextSplitter.MaxMessageLength)), replyTo, CancellationToken.None);
        return string.Empty;
    }

    // Alerts and summaries are a few lines; a text message over 4,096 is cut rather than sent as two messages against the chat's limit.
    private static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 2]) ? maxLength - 2 : maxLength - 1;
        return text[..cut] + "…";
    }

    private async Task SettleAllAsync(IReadOnlyList<OutboxMessage> messages, TelegramChatVerdict verdict, IDeliveryReport report)
    {
        foreach (var message in messages)
        {
            await SettleAsync(message, verdict.ReportFor(message), report);
        }
    }

    private async Task SettleAsync(OutboxMessage message, Func<IDeliveryReport, Task> outcome, IDeliveryReport report)
    {
        try
        {
            await outcome(report);
        }
        catch (Exception e)
        {
            // The message stays leased; when the lease runs out it is claimed again.
            LogReportFailed(e, message.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram flood control (429): pausing all sends for {Seconds} s")]
    private partial void LogFloodControl(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram rejected the bot token ({Code}); messages are kept in the outbox. Check Telegram:Token")]
    private partial void LogTokenRejected(int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram outbox message {Id}: its photo was sent, the rest of its text was not ({Reason})")]
    private partial void LogRestNotSent(long id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} Telegram messages go back to the outbox unsent")]
    private partial void LogStopping(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the delivery of outbox message {Id}")]
    private partial void LogReportFailed(Exception exception, long id);
}
