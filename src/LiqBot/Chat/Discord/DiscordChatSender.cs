using System.Net;
using LiqBot.Storage;
using Microsoft.Extensions.Options;
using LiqBot.Resilience;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Posts outbox messages as channel messages. Channels go in parallel (Discord:MaxConcurrentSends),
/// each channel's messages in order, all paced by the rate limiter, so steady state sees no 429.
/// A channel whose bucket would hold a worker longer than Discord:MaxRetryAfterWait gets its
/// messages back as retry-later, so one busy channel does not starve the rest. Every message
/// carries a nonce with enforce_nonce: a retry after a lost response never posts twice.
/// </summary>
internal sealed partial class DiscordChatSender(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    Random random,
    ILogger<DiscordChatSender> logger) : IChatSender
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>After a 401 nothing is sent for this long: every further 401 counts towards Discord's invalid-request ban.</summary>
    private static readonly TimeSpan UnauthorizedPause = TimeSpan.FromMinutes(10);

    private long _unauthorizedUntilTicks;

    public string Platform => ChatPlatforms.Discord;

    public Task SendAsync(IReadOnlyList<OutboxMessage> batch, IDeliveryReport report, CancellationToken cancellationToken)
    {
        var channels = batch.GroupBy(message => message.Chat.ChatId, StringComparer.Ordinal)
            .Select(channel => channel.OrderBy(message => message.Id).ToList())
            .OrderBy(channel => channel[0].Id);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentSends, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(channels, parallel, (messages, token) => new ValueTask(SendChannelAsync(messages, report, token)));
    }

    private async Task SendChannelAsync(List<OutboxMessage> messages, IDeliveryReport report, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var route = DiscordRoute.CreateMessage(messages[i].Chat.ChatId);
            var unauthorizedFor = new DateTimeOffset(Interlocked.Read(ref _unauthorizedUntilTicks), TimeSpan.Zero) - time.GetUtcNow();
            if (unauthorizedFor > TimeSpan.Zero)
            {
                await report.RetryLaterAsync(messages[i], unauthorizedFor, "Discord refused the bot token (401)", cancellationToken);
                continue;
            }

            var wait = rest.Limiter.EstimateWait(route);
            if (wait > options.Value.MaxRetryAfterWait)
            {
                foreach (var later in messages.Skip(i))
                {
                    await report.RetryLaterAsync(later, wait, "channel rate limit", cancellationToken);
                }

                return;
            }

            var unavailable = await SendOneAsync(messages[i], route, report, cancellationToken);
            if (unavailable is not null)
            {
                // Posting the rest would only collect more 403s, which count towards Discord's invalid-request ban.
                foreach (var rest in messages.Skip(i + 1))
                {
                    await report.ChatUnavailableAsync(rest, unavailable, cancellationToken);
                }

                return;
            }
        }
    }

    /// <summary>Sends and reports one message; returns the reason when the channel is unavailable.</summary>
    private async Task<string?> SendOneAsync(OutboxMessage message, DiscordRoute route, IDeliveryReport report, CancellationToken cancellationToken)
    {
        DiscordResponse response;
        try
        {
            var image = message.Png is null ? null : new ChatImage($"liqbot-{message.Kind.ToString().ToLowerInvariant()}-{message.Id}.png", message.Png);
            response = await rest.SendAsync(route, DiscordMessageBody.Create(message.Text, image, nonce: DiscordNonce.For(message)), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await report.RetryLaterAsync(message, RetryDelay(message.Attempts), e.GetType().Name + ": " + e.Message, cancellationToken);
            return null;
        }

        var reason = response.Describe();
        switch (response)
        {
            case { IsSuccess: true }:
                await report.SentAsync(message, cancellationToken);
                return null;
            case { IsRateLimited: true }:
                await report.RetryLaterAsync(message, response.RetryAfter ?? TimeSpan.FromSeconds(1), reason, cancellationToken);
                return null;
            case { Status: HttpStatusCode.Forbidden or HttpStatusCode.NotFound, ErrorCode: 50001 or 50013 or 10003 }:
                LogChannelUnavailable(message.Chat.ChatId, reason);
                await report.ChatUnavailableAsync(message, "Discord: " + reason, cancellationToken);
                return reason;
            case { Status: HttpStatusCode.Unauthorized }:
                Interlocked.Exchange(ref _unauthorizedUntilTicks, (time.GetUtcNow() + UnauthorizedPause).UtcTicks);
                LogUnauthorized(UnauthorizedPause);
                await report.RetryLaterAsync(message, UnauthorizedPause, reason, cancellationToken);
                return null;
            case { Status: >= HttpStatusCode.InternalServerError }:
                await report.RetryLaterAsync(message, RetryDelay(message.Attempts), reason, cancellationToken);
                return null;
            default:
                await report.FailedAsync(message, "Discord: " + reason, cancellationToken);
                return null;
        }
    }

    /// <summary>Doubling from Discord:RetryBaseDelay per attempt, capped, with jitter so retries of many messages spread out.</summary>
    private TimeSpan RetryDelay(int attempts) => Backoff.Delay(attempts - 1, options.Value.RetryBaseDelay, MaxRetryDelay, random);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused the bot token (401): posting paused for {Pause}; check Discord:Token")]
    private partial void LogUnauthorized(TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord channel {ChannelId} unavailable ({Reason}); pausing its subscriptions")]
    private partial void LogChannelUnavailable(string channelId, string reason);
}
