using LiqBot.Chat;
using LiqBot.Chat.Discord;
using LiqBot.Chat.Telegram;
using LiqBot.Resilience;
using LiqBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using LiqBot.Tests.TestSupport;
using Polly;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace LiqBot.Tests.Resilience;

/// <summary>The waits the chat loops' pipelines apply, on a fake clock with pinned jitter.</summary>
public sealed class ChatRetryPipelinesTests
{
    private const int Seed = 7;
    private readonly RetryClock _retry = new();

    [Fact]
    public async Task TelegramStart_RetriesFailuresFromOneSecondDoubling_AndGivesUpAtOnceOnA401()
    {
        var pipeline = TelegramRetries.Start(_retry.Clock, new Random(Seed), NullLogger.Instance);
        var failures = 3;
        var run = pipeline.ExecuteAsync(_ =>
        {
            _retry.Attempted();
            return failures-- > 0 ? throw new RequestException("network down") : ValueTask.FromResult("liqbot");
        }).AsTask();

        var jitter = new Random(Seed);
        for (var retry = 0; retry < 3; retry++)
        {
            await _retry.WaitsAsync(Backoff.Delay(retry, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), jitter));
        }

        Assert.Equal("liqbot", await run);
        await Assert.ThrowsAsync<ApiRequestException>(async () => await pipeline.ExecuteAsync(_ => throw new ApiRequestException("Unauthorized", 401)));
        Assert.Equal(0, _retry.Clock.PendingTimers);
    }

    [Fact]
    public async Task TelegramPoll_ConflictWaitsFromFiveSeconds_FloodControlItsRetryAfter_OthersFromOneSecond_DownMeanwhile()
    {
        var connection = new ChatConnection(ChatPlatforms.Telegram);
        var pipeline = TelegramRetries.Poll(_retry.Clock, new Random(Seed), connection, NullLogger.Instance);
        Exception[] errors =
        [
            new ApiRequestException("Conflict: terminated by other getUpdates request", 409),
            new ApiRequestException("Too Many Requests: retry after 3", 429, new ResponseParameters { RetryAfter = 3 }),
            new HttpRequestException("connection reset"),
        ];
        var run = pipeline.ExecuteAsync(_ =>
        {
            var attempt = _retry.Attempts;
            _retry.Attempted();
            return attempt < errors.Length ? throw errors[attempt] : ValueTask.FromResult(0);
        }).AsTask();

        var jitter = new Random(Seed);
        await Eventually.UntilAsync(() => _retry.Clock.PendingTimers == 1, "the first wait");
        Assert.Equal("Conflict: terminated by other getUpdates request", connection.Problem);
        await _retry.WaitsAsync(Backoff.Delay(0, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2), jitter));
        await _retry.WaitsAsync(TimeSpan.FromSeconds(3));
        await _retry.WaitsAsync(Backoff.Delay(2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), jitter));
        Assert.Equal("connection reset", connection.Problem);
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task DiscordGateway_BacksOffFromTheLastConnectionASessionWasUpOn_AndStopsOnAFatalClose()
    {
        var options = new DiscordOptions { ReconnectDelay = TimeSpan.FromSeconds(1), MaxReconnectDelay = TimeSpan.FromSeconds(60) };
        var pipeline = DiscordReconnects.Build(_retry.Clock, new Random(Seed), options);
        GatewayEnd[] ends =
        [
            new(GatewayNext.Identify, null, SessionWasUp: false),
            new(GatewayNext.Identify, null, SessionWasUp: false),
            new(GatewayNext.Resume, 1001, SessionWasUp: true),
            new(GatewayNext.Resume, null, SessionWasUp: false),
            new(GatewayNext.Stop, 4004, SessionWasUp: false),
        ];
        var run = pipeline.ExecuteAsync(_ =>
        {
            var attempt = _retry.Attempts;
            _retry.Attempted();
            return ValueTask.FromResult(ends[attempt]);
        }).AsTask();

        var jitter = new Random(Seed);
        foreach (var sinceUp in (int[])[0, 1, 0, 1])
        {
            await _retry.WaitsAsync(Backoff.Delay(sinceUp, options.ReconnectDelay, options.MaxReconnectDelay, jitter));
        }

        Assert.Equal(4004, (await run).CloseCode);
        Assert.Equal(5, _retry.Attempts);
    }

    [Fact]
    public void EveryChatLoop_GetsItsPipelineFromOneRegistration()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKeyedSingleton(ChatPlatforms.Telegram, new ChatConnection(ChatPlatforms.Telegram));
        services.AddChatRetryPipelines().AddChatRetryPipelines();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(Random));
        Assert.Single(services, d => Equals(d.ServiceKey, TelegramRetries.PollKey));
        Assert.IsType<Jitter>(provider.GetRequiredService<Random>());
        Assert.Same(
            provider.GetRequiredKeyedService<ResiliencePipeline<GatewayEnd>>(DiscordReconnects.Key),
            provider.GetRequiredKeyedService<ResiliencePipeline<GatewayEnd>>(DiscordReconnects.Key));
    }
}
