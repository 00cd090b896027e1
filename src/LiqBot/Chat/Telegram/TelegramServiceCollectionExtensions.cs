using LiqBot.Alerts;
using LiqBot.Storage;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Telegram;

internal static class TelegramServiceCollectionExtensions
{
    public const string HttpClientName = "telegram";

    /// <summary>True when a bot token is configured (Telegram:Token), i.e. when the host should add Telegram at all.</summary>
    public static bool HasTelegramToken(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[TelegramOptions.Section + ":Token"]);

    /// <summary>
    /// Registers Telegram: the options (section "Telegram", validated on start), the Bot API client on
    /// a named HttpClient without the factory's request logging (request addresses carry the token),
    /// the shared rate limiter, <see cref="TelegramChatSender"/> as an <see cref="IChatSender"/> for the
    /// outbox dispatcher, and <see cref="TelegramPollingWorker"/> as a hosted service. Needs an
    /// <see cref="ICommandRouter"/> registered by the host, and the store (AddLiqBotStorage): command replies
    /// go through the outbox, queued with the stored update offset.
    /// </summary>
    public static IServiceCollection AddLiqBotTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        // The factory's default handlers log every request address, and the token is in it: this client logs nothing.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .RemoveAllLoggers();
        services.TryAddSingleton<ITelegramBotApi>(provider => new TelegramBotApi(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<TelegramOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<TelegramRateLimiter>();
        services.TryAddSingleton<TelegramLimiterSeed>();
        services.TryAddSingleton<TelegramAdminCheck>();
        services.TryAddSingleton<TelegramChatSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatSender, TelegramChatSender>(provider => provider.GetRequiredService<TelegramChatSender>()));
        services.TryAddSingleton<ILeaderLease, LocalLease>();
        services.AddKeyedSingleton(ChatPlatforms.Telegram, new ChatConnection(ChatPlatforms.Telegram));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<ChatConnection>(ChatPlatforms.Telegram));
        services.AddChatRetryPipelines();
        services.TryAddSingleton<OutboxSignal>();
        services.AddHostedService<TelegramPollingWorker>();
        return services;
    }
}
