using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Okx;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;
using LiqBot.Market;
using LiqBot.Risk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Risk;

/// <summary>The warm-up reads every tier from the fake Bybit and OKX over real sockets; Binance stays on the configured default.</summary>
public sealed class MarginTierWorkerTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeBybitServer _bybit = null!;
    private FakeOkxServer _okx = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _bybit = await FakeBybitServer.StartAsync();
        _okx = await FakeOkxServer.StartAsync();
        _services = new ServiceCollection()
            .AddSingleton(new BybitRestClient(_http, new BybitOptions { RestUrl = _bybit.RestUrl.ToString() }, TimeProvider.System, NullLogger<BybitRestClient>.Instance))
            .AddSingleton(new OkxRestClient(_http, new OkxOptions { RestUrl = _okx.RestUrl.ToString() }, TimeProvider.System, NullLogger<OkxRestClient>.Instance))
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _http.Dispose();
        await _bybit.DisposeAsync();
        await _okx.DisposeAsync();
    }

    [Fact]
    public async Task ReadAll_KeepsEveryTierPerVenueAndSymbol()
    {
        var store = new MarginTierStore(new ModelOptions());

        await Worker(store).ReadAllAsync(CancellationToken.None);

        var bybit = store.Schedule(Venue.Bybit, "BTCUSDT", 90_000);
        var okx = store.Schedule(Venue.Okx, "BTCUSDT", 90_000);
        var binance = store.Schedule(Venue.Binance, "BTCUSDT", 90_000);
        Assert.Equal("Bybit risk limits", bybit.Source);
        Assert.Equal([(2e6, 0.005, 100.0), (4e6, 0.01, 50.0)], bybit.Tiers.Select(t => (t.NotionalCap, t.MaintenanceMarginRate, t.MaxLeverage)));
        Assert.Equal("OKX position tiers", okx.Source);
        // 10,000 contracts of 0.01 BTC at 90,000 = $9M.
        Assert.Equal([9e6, 18e6, 36e6], okx.Tiers.Select(t => Math.Round(t.NotionalCap)));
        Assert.Equal([0.004, 0.006, 0.008], okx.Tiers.Select(t => t.MaintenanceMarginRate));
        Assert.Equal("configured default, Binance brackets need an API key", binance.Source);
        Assert.Equal((0.005, MarginTierStore.DefaultMaxLeverage), (binance.Lowest.MaintenanceMarginRate, binance.Lowest.MaxLeverage));
        Assert.Contains("instFamily=BTC-USDT", _okx.Host.Requests.First(r => r.Contains("position-tiers", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAll_VenueWithoutTheSwap_FallsBackToTheConfiguredDefault()
    {
        _okx.Instruments.Clear();
        var store = new MarginTierStore(new ModelOptions { MaintenanceMarginRate = 0.004 });

        await Worker(store).ReadAllAsync(CancellationToken.None);

        Assert.False(store.Has(Venue.Okx, "BTCUSDT"));
        Assert.Equal("configured default, OKX tiers not read", store.Schedule(Venue.Okx, "BTCUSDT", 90_000).Source);
        Assert.Equal(0.004, store.Schedule(Venue.Okx, "BTCUSDT", 90_000).Lowest.MaintenanceMarginRate);
        Assert.True(store.Has(Venue.Bybit, "BTCUSDT"));
    }

    private MarginTierWorker Worker(MarginTierStore store) => new(
        new MarketRegistry(new SymbolCatalog(["BTCUSDT"]), new ModelOptions(), [Venue.Bybit, Venue.Binance, Venue.Okx]),
        store,
        _services,
        TimeProvider.System,
        NullLogger<MarginTierWorker>.Instance);
}
