using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiqBot.Resilience;

internal static class ResilienceServiceCollectionExtensions
{
    /// <summary>One <see cref="Jitter"/> per host for every backoff; a test may register a seeded one first.</summary>
    public static IServiceCollection AddJitter(this IServiceCollection services)
    {
        services.TryAddSingleton<Random>(_ => new Jitter());
        return services;
    }
}
