using LiqBot.Exchanges.Binance;
using LiqBot.Fakes.Binance;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Exchanges.Binance;

/// <summary>A fake Binance and a live source pointed at it, with test-sized timeouts.</summary>
internal static class BinanceHarness
{
    public static async Task<(VenueHarness Harness, FakeBinanceServer Fake, BinanceMarketSource Source)> StartAsync(Action<BinanceOptions>? configure = null, Action<FakeBinanceServer>? prepare = null, bool supervised = false, bool consume = true, string[]? symbols = null)
    {
        var fake = await FakeBinanceServer.StartAsync();
        prepare?.Invoke(fake);
        var options = VenueHarness.TestSized(new BinanceOptions { RestUrl = fake.RestUrl.ToString(), StreamUrl = fake.StreamUrl.ToString() });
        configure?.Invoke(options);
        var http = new HttpClient();
        var rest = new BinanceRestClient(http, options, TimeProvider.System, NullLogger<BinanceRestClient>.Instance);
        var source = new BinanceMarketSource(symbols ?? ["BTCUSDT"], options, rest, TimeProvider.System, NullLogger<BinanceMarketSource>.Instance);
        return (VenueHarness.Run(source, supervised, consume, rest, http, fake), fake, source);
    }

    /// <summary>A fake and a source not yet consumed, for tests that combine venues; dispose the harness it comes in.</summary>
    public static async Task<(FakeBinanceServer Fake, BinanceMarketSource Source, Func<ValueTask> Dispose)> CreateAsync(Action<FakeBinanceServer>? prepare = null)
    {
        var (harness, fake, source) = await StartAsync(prepare: prepare, consume: false);
        return (fake, source, harness.DisposeAsync);
    }
}
