using LiqBot.Resilience;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Answers a command: an image goes with sendPhoto (multipart) and the text as its HTML caption;
/// text that does not fit a caption (1024) follows with sendMessage, in pieces of at most 4096.
/// Each call waits for its place under the shared rate limits; a 429, 5xx or network failure is
/// tried again (three tries in all) by one Polly retry built once, after retry_after or the
/// shared back-off.
/// </summary>
internal sealed partial class TelegramReplySender
{
    private const int MaxAttempts = 3;

    private readonly ITelegramBotApi _client;
    private readonly TelegramRateLimiter _limiter;
    private readonly ILogger<TelegramReplySender> _logger;
    private readonly ResiliencePipeline _retry;

    public TelegramReplySender(ITelegramBotApi client, TelegramRateLimiter limiter, TimeProvider time, Random random, ILogger<TelegramReplySender> logger)
    {
        _client = client;
        _limiter = limiter;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ApiRequestException>(e => e.IsTransient())
                    .Handle<RequestException>(e => e is not ApiRequestException),
                MaxRetryAttempts = MaxAttempts - 1,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    (args.Outcome.Exception as ApiRequestException)?.RetryAfter()
                    ?? Backoff.Delay(args.AttemptNumber, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random)),
                OnRetry = args =>
                {
                    if ((args.Outcome.Exception as ApiRequestException)?.RetryAfter() is { } retryAfter)
                    {
                        _limiter.PauseAll(retryAfter);
                    }

                    LogRetrying(args.Outcome.Exception?.Message, args.RetryDelay.TotalSeconds);
                    return default;
                },
            })
            .Build();
    }

    public async Task SendAsync(long chatId, TelegramReplyTarget replyTo, ChatReply reply, CancellationToken cancellationToken)
    {
        var text = reply.Text;
        if (reply.Image is { } image)
        {
            (var caption, text) = TelegramTextSplitter.SplitHead(reply.Text, TelegramTextSplitter.MaxCaptionLength);
            await CallAsync(chatId, ct => _client.SendPhotoAsync(chatId, image.FileName, image.Png, TelegramHtml.Escape(caption), replyTo, ct), cancellationToken);
        }

        foreach (var piece in TelegramTextSplitter.Split(text, TelegramTextSplitter.MaxMessageLength))
        {
            await CallAsync(chatId, ct => _client.SendMessageAsync(chatId, TelegramHtml.Escape(piece), replyTo, ct), cancellationToken);
        }
    }

    private async Task CallAsync(long chatId, Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await _limiter.StartAsync(chatId, ct);
                try
                {
                    await send(ct);
                }
                finally
                {
                    _limiter.Answered(chatId);
                }
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram reply not delivered ({Reason}); trying again in {Seconds:0.#} s")]
    private partial void LogRetrying(string? reason, double seconds);
}
