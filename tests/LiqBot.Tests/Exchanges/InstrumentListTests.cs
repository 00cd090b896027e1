using LiqBot.Exchanges.Binance;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Okx;
using LiqBot.Tests.Market;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Exchanges;

/// <summary>Each venue's whole instrument list from its fake, filtered to USDT linear perpetuals that trade now.</summary>
public sealed class InstrumentListTests : IAsyncLifetime
{
    private static readonly string[] Expected = ["BTCUSDT", "DOGEUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"];
    private readonly HttpClient _http = new();
    private OnDemandVenues _venues = null!;

    public async Task InitializeAsync() => _venues = await OnDemandVenues.StartAsync();

    [Fact]
    public async Task Bybit_FollowsTheCursor_LeavesOutDatedFuturesAndPreLaunch()
    {
        var rest = new BybitRestClient(_http, new BybitOptions { RestUrl = _venues.Bybit.RestUrl.ToString() }, TimeProvider.System, NullLogger<BybitRestClient>.Instance);

        var listed = await rest.ListPerpetualsAsync(CancellationToken.None);

        Assert.Equal(["BTCUSDT", "DOGEUSDT", "ETHUSDT", "ONLYUSDT", "SOLUSDT", "XRPUSDT"], listed.Order(StringComparer.Ordinal));
        Assert.True(_venues.Bybit.Requests.Count(r => r.StartsWith("/v5/market/instruments-info", StringComparison.Ordinal)) >= 3); // 3 rows a page
    }

    [Fact]
    public async Task Binance_LeavesOutQuarterliesAndSettlingContracts()
    {
        var rest = new BinanceRestClient(_http, new BinanceOptions { RestUrl = _venues.Binance.RestUrl.ToString() }, TimeProvider.System, NullLogger<BinanceRestClient>.Instance);

        Assert.Equal(Expected, (await rest.ListPerpetualsAsync(CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Okx_NamesSwapsOurWay_LeavesOutInverseSwaps()
    {
        var rest = new OkxRestClient(_http, new OkxOptions { RestUrl = _venues.Okx.RestUrl.ToString() }, TimeProvider.System, NullLogger<OkxRestClient>.Instance);

        Assert.Equal(Expected, (await rest.ListPerpetualsAsync(CancellationToken.None)).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, await rest.GetContractValueAsync("SOLUSDT", CancellationToken.None)); // ctVal x ctMult of SOL-USDT-SWAP
    }

    public async Task DisposeAsync()
    {
        await _venues.DisposeAsync();
        _http.Dispose();
    }
}
