using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Discord;

internal static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter when Discord:Token is set (else nothing, so the bot runs without
    /// Discord): the validated options, the rate-limited REST client, the gateway worker that answers
    /// slash commands through <see cref="ICommandRouter"/> (registered by the host), and
    /// <see cref="DiscordChatSender"/> as an <see cref="IChatSender"/> for the outbox dispatcher.
    /// </summary>
    public static IServiceCollection AddLiqBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[DiscordOptions.Section + ":" + nameof(DiscordOptions.Token)]))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.AddChatRetryPipelines();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordCommandRegistrar>();
        services.TryAddSingleton<DiscordInteractionHandler>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.AddSingleton(provider => provider.GetRequiredService<DiscordGatewayClient>().Connection);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatSender, DiscordChatSender>());
        services.AddHostedService<DiscordWorker>();
        return services;
    }
}
