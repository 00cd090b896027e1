using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiqBot.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by Storage:Provider (sqlite by default, or postgres): the options
    /// (validated on start), <see cref="ISubscriptionStore"/>, <see cref="IOutbox"/>, <see cref="ISummaryLog"/>,
    /// and a hosted service that migrates the schema on start. Register it before the workers that use it.
    /// </summary>
    public static IServiceCollection AddLiqBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.TryAddSingleton(provider => StorageDatabase.Create(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<ISubscriptionStore, SqlSubscriptionStore>();
        services.TryAddSingleton<IOutbox, SqlOutbox>();
        services.TryAddSingleton<OutboxResultWriter>();
        services.TryAddSingleton<ISummaryLog, SqlSummaryLog>();
        services.TryAddSingleton<IAlertImageStore, SqlAlertImageStore>();
        services.TryAddSingleton<ITelegramOffsetStore, SqlTelegramOffsetStore>();
        services.AddHostedService<StorageMigrationService>();
        return services;
    }
}
