using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LiqBot.Operations;

/// <summary>Metrics (the "liqbot" meter, exported for Prometheus), health checks and their endpoint.</summary>
internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddLiqBotOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<FeedLag>();
        services.AddSingleton<OutboxPendingCount>();
        services.AddSingleton<ObservedMetrics>();
        services.AddSingleton<PrometheusExport>();
        services.AddSingleton<FeedLagHealthCheck>();
        services.AddSingleton<StoreHealthCheck>();
        services.AddSingleton<ChatConnectionsHealthCheck>();
        services.AddSingleton<BotHealthChecks>();
        services.AddOptions<OperationsOptions>().Bind(configuration.GetSection(OperationsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidator>();
        services.AddHostedService<OperationsEndpointWorker>();
        return services;
    }

    /// <summary>Creates the instruments that read other parts' figures (nothing else asks for them) and starts the export.</summary>
    public static IHost StartLiqBotMetrics(this IHost host)
    {
        host.Services.GetRequiredService<PrometheusExport>();
        host.Services.GetRequiredService<ObservedMetrics>();
        return host;
    }
}
