using LiqBot.Exchanges;
using LiqBot.Tests.Exchanges.Bybit;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Exchanges;

public sealed class RequestRateLimiterTests
{
    [Fact]
    public async Task Acquire_OverTheWindowLimit_WaitsUntilTheOldestLeavesTheWindow()
    {
        var clock = new TimerCountingTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var limiter = new RequestRateLimiter(3, TimeSpan.FromSeconds(5), clock);
        for (var i = 0; i < 3; i++)
        {
            await limiter.AcquireAsync(CancellationToken.None);
        }

        var fourth = limiter.AcquireAsync(CancellationToken.None);
        await SourceHarness.WaitUntilAsync(() => clock.PendingTimers == 1);
        Assert.False(fourth.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task PauseUntil_Ban_HoldsEveryRequestUntilThePauseEnds()
    {
        var clock = new TimerCountingTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var limiter = new RequestRateLimiter(600, TimeSpan.FromSeconds(5), clock);
        limiter.PauseUntil(clock.GetUtcNow().AddMinutes(10));

        var request = limiter.AcquireAsync(CancellationToken.None);
        await SourceHarness.WaitUntilAsync(() => clock.PendingTimers == 1);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(request.IsCompleted);

        clock.Advance(TimeSpan.FromMinutes(1));
        await request.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
