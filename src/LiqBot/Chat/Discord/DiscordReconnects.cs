using LiqBot.Resilience;
using Polly;
using Polly.Retry;

namespace LiqBot.Chat.Discord;

/// <summary>
/// The gateway's reconnect: every connection that ends without a fatal close is followed by another
/// after <see cref="Backoff"/> from Discord:ReconnectDelay to Discord:MaxReconnectDelay, counted from
/// the last connection on which a session was up (so a healthy session that drops is back within one
/// jittered ReconnectDelay, and a gateway that keeps failing is asked less and less often).
/// </summary>
internal static class DiscordReconnects
{
    public const string Key = "discord-gateway";

    // Per run: the attempt at which a session was last up.
    private static readonly ResiliencePropertyKey<int> LastUp = new("liqbot.discord.last-up");

    public static ResiliencePipeline<GatewayEnd> Build(TimeProvider time, Random random, DiscordOptions options) =>
        new ResiliencePipelineBuilder<GatewayEnd> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<GatewayEnd>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Next: not GatewayNext.Stop }),
                MaxRetryAttempts = int.MaxValue,
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result is { SessionWasUp: true })
                    {
                        args.Context.Properties.Set(LastUp, args.AttemptNumber);
                    }

                    var sinceUp = args.AttemptNumber - args.Context.Properties.GetValue(LastUp, 0);
                    return ValueTask.FromResult<TimeSpan?>(Backoff.Delay(sinceUp, options.ReconnectDelay, options.MaxReconnectDelay, random));
                },
            })
            .Build();
}
