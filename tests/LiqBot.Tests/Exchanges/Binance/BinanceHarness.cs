using LiqBot.Exchanges.Binance;
using LiqBot.Fakes.Binance;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Exchanges.Binance;

/// <summary>A fake Binance and a live source pointed at it, with test-sized timeouts.</summary>
internal static class BinanceHarness
{
    public static async Task<(VenueHarness Harness, FakeBinanceServer Fake, BinanceMarketSource Source)> StartAsync(Action<BinanceOptions>? configure = null, Action<FakeBinanceServer>? prepare = null, bool supervised = false, string[]? symbols = null)
    {
        var fake = await FakeBinanceServer.StartAsync();
        prepare?.Invoke(fake);
        var options = new BinanceOptions
        {
            RestUrl = fake.RestUrl.ToString(),
            StreamUrl = fake.StreamUrl.ToString(),
            WarmStart = TimeSpan.FromHours(2),
            IdleTimeout = TimeSpan.FromSeconds(1),
            ReplyTimeout = TimeSpan.FromMilliseconds(500),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            RestRetryDelay = TimeSpan.FromMilliseconds(10),
            BanPause = TimeSpan.FromMilliseconds(200),
            RestMaxRetries = 4,
        };
        configure?.Invoke(options);
        var http = new HttpClient();
        var rest = new BinanceRestClient(http, options, TimeProvider.System, NullLogger<BinanceRestClient>.Instance);
        var source = new BinanceMarketSource(symbols ?? ["BTCUSDT"], options, rest, TimeProvider.System, NullLogger<BinanceMarketSource>.Instance);
        var harness = new VenueHarness(source, supervised, async () =>
        {
            rest.Dispose();
            http.Dispose();
            await fake.DisposeAsync();
        });
        harness.Start();
        return (harness, fake, source);
    }
}
