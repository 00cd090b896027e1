using Telegram.Bot.Exceptions;
using LiqBot.Resilience;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Answers a command: an image goes with sendPhoto (multipart) and the text as its HTML caption;
/// text that does not fit a caption (1024) follows with sendMessage, in pieces of at most 4096.
/// Each call waits for its place under the shared rate limits and is tried a few times.
/// </summary>
internal sealed partial class TelegramReplySender(ITelegramBotApi client, TelegramRateLimiter limiter, TimeProvider time, ILogger<TelegramReplySender> logger)
{
    private const int MaxAttempts = 3;

    public async Task SendAsync(long chatId, TelegramReplyTarget replyTo, ChatReply reply, CancellationToken cancellationToken)
    {
        var text = reply.Text;
        if (reply.Image is { } image)
        {
            (var caption, text) = TelegramTextSplitter.SplitHead(reply.Text, TelegramTextSplitter.MaxCaptionLength);
            await CallAsync(chatId, ct => client.SendPhotoAsync(chatId, image.FileName, image.Png, TelegramHtml.Escape(caption), replyTo, ct), cancellationToken);
        }

        foreach (var piece in TelegramTextSplitter.Split(text, TelegramTextSplitter.MaxMessageLength))
        {
            await CallAsync(chatId, ct => client.SendMessageAsync(chatId, TelegramHtml.Escape(piece), replyTo, ct), cancellationToken);
        }
    }

    private async Task CallAsync(long chatId, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await limiter.StartAsync(chatId, cancellationToken);
            TimeSpan delay;
            try
            {
                await send(cancellationToken);
                return;
            }
            catch (ApiRequestException e) when (e.IsTransient() && attempt < MaxAttempts)
            {
                if (e.RetryAfter() is { } retryAfter)
                {
                    limiter.PauseAll(retryAfter);
                }

                delay = e.RetryAfter() ?? Backoff.Delay(attempt - 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), Random.Shared);
                LogRetrying(e.Message, delay.TotalSeconds);
            }
            catch (RequestException e) when (e is not ApiRequestException && attempt < MaxAttempts)
            {
                delay = Backoff.Delay(attempt - 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), Random.Shared);
                LogRetrying(e.Message, delay.TotalSeconds);
            }
            finally
            {
                limiter.Answered(chatId);
            }

            await Task.Delay(delay, time, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram reply not delivered ({Reason}); trying again in {Seconds:0.#} s")]
    private partial void LogRetrying(string reason, double seconds);
}
