using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Okx;
using Microsoft.Extensions.Configuration;

namespace LiqBot.Hosting;

/// <summary>Asks every venue's REST API at once whether it is reachable (any HTTP answer counts), within one timeout.</summary>
internal static class VenueProbe
{
    public static bool AnyAnswers(IConfiguration configuration, IReadOnlyList<Venue> venues, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = timeout };
        var probes = venues.Select(v => AnswersAsync(http, TimeUrl(configuration, v))).ToArray();
        return Task.WhenAll(probes).GetAwaiter().GetResult().Any(answered => answered);
    }

    private static string TimeUrl(IConfiguration configuration, Venue venue) =>
        venue == Venue.Bybit ? (configuration["Bybit:RestUrl"] ?? new BybitOptions().RestUrl).TrimEnd('/') + "/v5/market/time"
        : venue == Venue.Binance ? (configuration["Binance:RestUrl"] ?? new BinanceOptions().RestUrl).TrimEnd('/') + "/fapi/v1/time"
        : (configuration["Okx:RestUrl"] ?? new OkxOptions().RestUrl).TrimEnd('/') + "/api/v5/public/time";

    private static async Task<bool> AnswersAsync(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return false;
        }
    }
}
