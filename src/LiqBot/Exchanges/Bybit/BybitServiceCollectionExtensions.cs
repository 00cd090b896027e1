using LiqBot.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Host wiring: <c>services.AddBybitMarketSource(configuration)</c> registers the live feed as <see cref="IMarketSource"/>.</summary>
public static class BybitServiceCollectionExtensions
{
    /// <param name="symbols">Symbols to follow; defaults to Market:Symbols, else BTCUSDT and ETHUSDT.</param>
    public static IServiceCollection AddBybitMarketSource(this IServiceCollection services, IConfiguration configuration, IEnumerable<string>? symbols = null)
    {
        services.AddOptions<BybitOptions>().Bind(configuration.GetSection(BybitOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BybitOptions>, BybitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddJitter();
        services.AddHttpClient(nameof(BybitRestClient));
        services.TryAddSingleton(sp => new BybitRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BybitRestClient)),
            sp.GetRequiredService<IOptions<BybitOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BybitRestClient>>()));
        var list = symbols?.ToList() ?? configuration.GetSection("Market:Symbols").Get<List<string>>() ?? ["BTCUSDT", "ETHUSDT"];
        services.TryAddSingleton(sp => new BybitMarketSource(
            list,
            sp.GetRequiredService<IOptions<BybitOptions>>().Value,
            sp.GetRequiredService<BybitRestClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BybitMarketSource>>(),
            sp.GetRequiredService<Random>()));
        services.TryAddSingleton<IMarketSource>(sp => sp.GetRequiredService<BybitMarketSource>());
        return services;
    }
}
