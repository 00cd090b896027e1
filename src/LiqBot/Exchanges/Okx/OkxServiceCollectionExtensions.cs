using LiqBot.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Okx;

/// <summary>Host wiring: <c>services.AddOkxMarketSource(configuration, symbols)</c> registers the live OKX feed.</summary>
public static class OkxServiceCollectionExtensions
{
    public static IServiceCollection AddOkxMarketSource(this IServiceCollection services, IConfiguration configuration, IEnumerable<string> symbols)
    {
        services.AddOptions<OkxOptions>().Bind(configuration.GetSection(OkxOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OkxOptions>, OkxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddJitter();
        services.AddHttpClient(nameof(OkxRestClient));
        var list = symbols.ToList();
        services.TryAddSingleton(sp => new OkxRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OkxRestClient)),
            sp.GetRequiredService<IOptions<OkxOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OkxRestClient>>()));
        services.TryAddSingleton(sp => new OkxMarketSource(
            list,
            sp.GetRequiredService<IOptions<OkxOptions>>().Value,
            sp.GetRequiredService<OkxRestClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OkxMarketSource>>(),
            sp.GetRequiredService<Random>()));
        return services;
    }
}
