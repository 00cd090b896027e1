using LiqBot.Exchanges;
using LiqBot.Tests.Exchanges.Bybit;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Exchanges;

/// <summary>OKX counts per endpoint (and per instrument for the rubik history): one endpoint at its limit holds no other.</summary>
public sealed class EndpointLimitersTests
{
    private const string Candles = "/api/v5/market/history-candles";
    private const string OpenInterest = "/api/v5/rubik/stat/contracts/open-interest-history";

    private static readonly VenueHttpSettings Settings = new(2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1), 3, TimeSpan.FromMinutes(2), new HashSet<int> { 429 })
    {
        EndpointLimits = [new(Candles, 20, TimeSpan.FromSeconds(2)), new(OpenInterest, 10, TimeSpan.FromSeconds(2), PerQueryKey: "instId")],
    };

    [Fact]
    public async Task EachEndpointAndInstrument_HasItsOwnWindow_OthersShareTheVenueCap()
    {
        var clock = new TimerCountingTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var limiters = new EndpointLimiters(Settings, clock);

        for (var i = 0; i < 10; i++)
        {
            await limiters.For($"{OpenInterest}?instId=BTC-USDT-SWAP&period=5m&end={i}").AcquireAsync(CancellationToken.None);
        }

        var eleventh = limiters.For($"{OpenInterest}?instId=BTC-USDT-SWAP&period=5m&end=11").AcquireAsync(CancellationToken.None);
        await SourceHarness.WaitUntilAsync(() => clock.PendingTimers == 1);
        Assert.False(eleventh.IsCompleted);

        // Meanwhile ETH's history, 20 pages of candles and two other requests go at once.
        for (var i = 0; i < 10; i++)
        {
            await limiters.For($"{OpenInterest}?period=5m&instId=ETH-USDT-SWAP").AcquireAsync(CancellationToken.None);
        }

        for (var i = 0; i < 20; i++)
        {
            await limiters.For($"{Candles}?instId=BTC-USDT-SWAP&bar=5m").AcquireAsync(CancellationToken.None);
        }

        await limiters.For("/api/v5/public/instruments?instType=SWAP").AcquireAsync(CancellationToken.None);
        await limiters.For("/api/v5/public/instruments?instType=SWAP&instId=ETH-USDT-SWAP").AcquireAsync(CancellationToken.None);
        Assert.Same(limiters.For($"{OpenInterest}?instId=BTC-USDT-SWAP&end=1"), limiters.For($"{OpenInterest}?instId=BTC-USDT-SWAP&end=2"));
        Assert.NotSame(limiters.For($"{OpenInterest}?instId=BTC-USDT-SWAP"), limiters.For($"{OpenInterest}?instId=ETH-USDT-SWAP"));

        clock.Advance(TimeSpan.FromSeconds(2));
        await eleventh.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task APause_StopsEveryEndpoint_EvenOneFirstCalledDuringIt()
    {
        var clock = new TimerCountingTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var limiters = new EndpointLimiters(Settings, clock);
        await limiters.For($"{Candles}?instId=BTC-USDT-SWAP").AcquireAsync(CancellationToken.None);
        limiters.PauseUntil(clock.GetUtcNow().AddMinutes(1));

        var candles = limiters.For($"{Candles}?instId=BTC-USDT-SWAP").AcquireAsync(CancellationToken.None);
        var history = limiters.For($"{OpenInterest}?instId=BTC-USDT-SWAP").AcquireAsync(CancellationToken.None);
        var other = limiters.For("/api/v5/public/instruments").AcquireAsync(CancellationToken.None);
        await SourceHarness.WaitUntilAsync(() => clock.PendingTimers == 3);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(candles.IsCompleted || history.IsCompleted || other.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(candles, history, other).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
