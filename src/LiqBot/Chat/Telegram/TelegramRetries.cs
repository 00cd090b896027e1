using LiqBot.Resilience;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// The poller's two retries. Start (deleteWebhook, getMe, setMyCommands): every failure but a rejected
/// token (401) waits 1 s doubling to 1 min. Poll (getUpdates): a 409 (another poller, or a webhook) waits
/// 5 s doubling to 2 min, a 429 its retry_after, anything else 1 s doubling to 1 min; the connection is
/// down meanwhile. Both jittered by <see cref="Backoff"/> and never give up; a 401 stops them.
/// </summary>
internal static partial class TelegramRetries
{
    public const string StartKey = "telegram-start";
    public const string PollKey = "telegram-poll";

    public static ResiliencePipeline Start(TimeProvider time, Random random, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RequestException>(e => e is not ApiRequestException { ErrorCode: 401 }),
                MaxRetryAttempts = int.MaxValue,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff.Delay(args.AttemptNumber, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), random)),
                OnRetry = args =>
                {
                    LogStartFailed(logger, args.Outcome.Exception?.Message, args.RetryDelay.TotalSeconds);
                    return default;
                },
            })
            .Build();

    public static ResiliencePipeline Poll(TimeProvider time, Random random, ChatConnection connection, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                // 409, 429, 5xx, network, or an answer that would not parse.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not (OperationCanceledException or ApiRequestException { ErrorCode: 401 })),
                MaxRetryAttempts = int.MaxValue,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(PollDelay(args.Outcome.Exception, args.AttemptNumber, random)),
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception!;
                    connection.Down(error.Message);
                    if (error is ApiRequestException { ErrorCode: 409 })
                    {
                        LogConflict(logger, args.RetryDelay.TotalSeconds);
                    }
                    else
                    {
                        LogPollFailed(logger, error.Message, args.RetryDelay.TotalSeconds);
                    }

                    return default;
                },
            })
            .Build();

    private static TimeSpan PollDelay(Exception? error, int retry, Random random) =>
        error is ApiRequestException { ErrorCode: 409 } ? Backoff.Delay(retry, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2), random)
        : (error as ApiRequestException)?.RetryAfter() ?? Backoff.Delay(retry, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), random);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram start failed ({Reason}); retrying in {Seconds:0.#} s")]
    private static partial void LogStartFailed(ILogger logger, string? reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram getUpdates conflict (409): another instance is polling with this bot token, or a webhook is set. Only one may run; retrying in {Seconds:0} s")]
    private static partial void LogConflict(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed ({Reason}); retrying in {Seconds:0.#} s")]
    private static partial void LogPollFailed(ILogger logger, string reason, double seconds);
}
