using LiqBot.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Binance;

/// <summary>Host wiring: <c>services.AddBinanceMarketSource(configuration, symbols)</c> registers the live Binance feed.</summary>
public static class BinanceServiceCollectionExtensions
{
    public static IServiceCollection AddBinanceMarketSource(this IServiceCollection services, IConfiguration configuration, IEnumerable<string> symbols)
    {
        services.AddOptions<BinanceOptions>().Bind(configuration.GetSection(BinanceOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BinanceOptions>, BinanceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddJitter();
        services.AddHttpClient(nameof(BinanceRestClient));
        var list = symbols.ToList();
        services.TryAddSingleton(sp => new BinanceRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BinanceRestClient)),
            sp.GetRequiredService<IOptions<BinanceOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BinanceRestClient>>()));
        services.TryAddSingleton(sp => new BinanceMarketSource(
            list,
            sp.GetRequiredService<IOptions<BinanceOptions>>().Value,
            sp.GetRequiredService<BinanceRestClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BinanceMarketSource>>(),
            sp.GetRequiredService<Random>()));
        return services;
    }
}
