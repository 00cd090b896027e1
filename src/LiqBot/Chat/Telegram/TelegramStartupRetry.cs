using LiqBot.Resilience;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// The poller's start (deleteWebhook, getMe, setMyCommands) tried until it works: every failure but a
/// rejected token (401) waits 1 s doubling to 1 min with jitter, then the start runs again.
/// </summary>
internal static partial class TelegramStartupRetry
{
    public const string Key = "telegram-startup";

    public static ResiliencePipeline Build(TimeProvider time, Random random, ILogger logger) =>
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram start failed ({Reason}); retrying in {Seconds:0.#} s")]
    private static partial void LogStartFailed(ILogger logger, string? reason, double seconds);
}
