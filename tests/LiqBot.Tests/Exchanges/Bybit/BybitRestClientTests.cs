using LiqBot.Exchanges;
using LiqBot.Exchanges.Bybit;
using LiqBot.Fakes.Bybit;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Exchanges.Bybit;

public sealed class BybitRestClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private FakeBybitServer _fake = null!;
    private BybitRestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBybitServer.StartAsync();
        var options = new BybitOptions { RestUrl = _fake.RestUrl.ToString(), RestRetryDelay = TimeSpan.FromMilliseconds(5), BanPause = TimeSpan.FromMilliseconds(50), RestMaxRetries = 5 };
        _rest = new BybitRestClient(_http, options, TimeProvider.System, NullLogger<BybitRestClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task GetKlines_TransientRetCodeAnd429And403_RetriedThenSucceeds()
    {
        _fake.Fail("/v5/market/kline", RestFault.Code(10016, "server error"));
        _fake.Fail("/v5/market/kline", RestFault.Http(429));
        _fake.Fail("/v5/market/kline", RestFault.Http(403));

        var klines = await _rest.GetKlinesAsync("BTCUSDT", TimeSpan.FromMinutes(5), Start, Start.AddHours(1), CancellationToken.None);

        Assert.Equal(13, klines.Count);
        Assert.Equal(4, _fake.RequestCount("/v5/market/kline"));
        Assert.True(klines.Zip(klines.Skip(1)).All(p => p.First.OpenTime < p.Second.OpenTime));
    }

    [Fact]
    public async Task GetKlines_ParameterError_FailsWithoutRetry()
    {
        _fake.Fail("/v5/market/kline", RestFault.Code(10001, "Not supported symbols"));

        var error = await Assert.ThrowsAsync<VenueRestException>(() => _rest.GetKlinesAsync("BTCUSDT", TimeSpan.FromMinutes(5), Start, Start.AddHours(1), CancellationToken.None));

        Assert.Equal("10001", error.Code);
        Assert.Equal(1, _fake.RequestCount("/v5/market/kline"));
    }

    [Fact]
    public async Task GetKlines_MoreThanOnePage_PagesBackwardsWithoutGapsOrDuplicates()
    {
        var klines = await _rest.GetKlinesAsync("BTCUSDT", TimeSpan.FromMinutes(1), Start, Start.AddMinutes(2_499), CancellationToken.None);

        Assert.Equal(2_500, klines.Count);
        Assert.Equal(3, _fake.RequestCount("/v5/market/kline"));
        Assert.Equal(Start, klines[0].OpenTime);
        Assert.True(klines.Zip(klines.Skip(1)).All(p => p.Second.OpenTime - p.First.OpenTime == TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task GetOpenInterest_FollowsCursorVerbatim()
    {
        var points = await _rest.GetOpenInterestAsync("BTCUSDT", Start, Start.AddDays(1), CancellationToken.None);

        Assert.Equal(289, points.Count);
        Assert.Equal(2, _fake.RequestCount("/v5/market/open-interest"));
        Assert.Equal(FakeBybitHistory.OpenInterest(Start.ToUnixTimeMilliseconds()), points[0].OpenInterest);
    }

    [Fact]
    public async Task Instruments_UnknownSymbol_IsNull_AndRiskLimitGivesLowestTier()
    {
        Assert.Null(await _rest.GetInstrumentAsync("NOPEUSDT", CancellationToken.None));
        Assert.True((await _rest.GetInstrumentAsync("BTCUSDT", CancellationToken.None))!.IsTrading);
        Assert.Equal(0.005, await _rest.GetLowestMaintenanceMarginAsync("BTCUSDT", CancellationToken.None));
    }
}
