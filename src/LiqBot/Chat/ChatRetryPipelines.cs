using LiqBot.Chat.Discord;
using LiqBot.Chat.Telegram;
using LiqBot.Resilience;
using LiqBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace LiqBot.Chat;

/// <summary>
/// The chat loops' Polly pipelines, registered once (whichever chat registers first) and keyed by name:
/// Telegram's start and poll, Discord's gateway reconnect. Time and jitter come from the container.
/// </summary>
internal static class ChatRetryPipelines
{
    public static IServiceCollection AddChatRetryPipelines(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddJitter();
        services.TryAddKeyedSingleton(TelegramRetries.StartKey, (sp, _) => TelegramRetries.Start(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Random>(), sp.GetRequiredService<ILogger<TelegramPollingWorker>>()));
        services.TryAddKeyedSingleton(TelegramRetries.PollKey, (sp, _) => TelegramRetries.Poll(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Random>(),
            sp.GetRequiredKeyedService<ChatConnection>(ChatPlatforms.Telegram),
            sp.GetRequiredService<ILogger<TelegramPollingWorker>>()));
        services.TryAddKeyedSingleton<ResiliencePipeline<GatewayEnd>>(DiscordReconnects.Key, (sp, _) => DiscordReconnects.Build(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Random>(), sp.GetRequiredService<IOptions<DiscordOptions>>().Value));
        return services;
    }
}
