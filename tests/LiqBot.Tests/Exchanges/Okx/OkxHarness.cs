using LiqBot.Exchanges.Okx;
using LiqBot.Fakes.Okx;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Exchanges.Okx;

/// <summary>A fake OKX and a live source pointed at it, with test-sized timeouts.</summary>
internal static class OkxHarness
{
    public const string Btc = "BTCUSDT";
    public const string BtcSwap = "BTC-USDT-SWAP";

    public static async Task<(VenueHarness Harness, FakeOkxServer Fake, OkxMarketSource Source)> StartAsync(Action<OkxOptions>? configure = null, Action<FakeOkxServer>? prepare = null, bool supervised = false, bool consume = true)
    {
        var fake = await FakeOkxServer.StartAsync();
        prepare?.Invoke(fake);
        var options = VenueHarness.TestSized(new OkxOptions { RestUrl = fake.RestUrl.ToString(), PublicStreamUrl = fake.PublicStreamUrl.ToString(), BusinessStreamUrl = fake.BusinessStreamUrl.ToString(), RequestsPerWindow = 1_000 });
        configure?.Invoke(options);
        var http = new HttpClient();
        var rest = new OkxRestClient(http, options, TimeProvider.System, NullLogger<OkxRestClient>.Instance);
        var source = new OkxMarketSource([Btc], options, rest, TimeProvider.System, NullLogger<OkxMarketSource>.Instance);
        return (VenueHarness.Run(source, supervised, consume, rest, http, fake), fake, source);
    }

    /// <summary>A fake and a source not yet consumed, for tests that combine venues; dispose the harness it comes in.</summary>
    public static async Task<(FakeOkxServer Fake, OkxMarketSource Source, Func<ValueTask> Dispose)> CreateAsync(Action<FakeOkxServer>? prepare = null)
    {
        var (harness, fake, source) = await StartAsync(prepare: prepare, consume: false);
        return (fake, source, harness.DisposeAsync);
    }
}
