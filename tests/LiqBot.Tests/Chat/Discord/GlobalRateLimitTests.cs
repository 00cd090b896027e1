using LiqBot.Chat.Discord;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Discord;

public sealed class GlobalRateLimitTests
{
    [Fact]
    public void WaitAsync_UnderTheLimit_AdmitsAtOnce()
    {
        var limit = new GlobalRateLimit(3, TimeSpan.FromMilliseconds(100), TestClock.New());

        for (var i = 0; i < 3; i++)
        {
            Assert.True(limit.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        }
    }

    [Fact]
    public async Task WaitAsync_LimitReachedByRequestsInFlight_WaitsUntilOneCompletesAndLeavesTheWindow()
    {
        var clock = TestClock.New();
        var limit = new GlobalRateLimit(2, TimeSpan.FromMilliseconds(100), clock);
        var first = await limit.WaitAsync(CancellationToken.None);
        _ = await limit.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var third = limit.WaitAsync(cancel.Token);
        Assert.False(third.IsCompleted);

        // Completed long enough ago: the slot has left the window, so the next request may go.
        first.Complete();
        clock.Advance(TimeSpan.FromSeconds(2));
        var fourth = limit.WaitAsync(CancellationToken.None);
        Assert.True(fourth.IsCompletedSuccessfully);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public void BlockFor_SeparateGlobal429s_DoubleTheMarginUpToOneSecond()
    {
        var limit = new GlobalRateLimit(50, TimeSpan.FromMilliseconds(100), TestClock.New());

        limit.BlockFor(TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(1200), limit.Window);

        for (var i = 0; i < 10; i++)
        {
            limit.BlockFor(TimeSpan.Zero);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), limit.Window);
    }

    [Fact]
    public void BlockFor_ManyResponsesOfOne429Event_WidenOnce()
    {
        var limit = new GlobalRateLimit(50, TimeSpan.FromMilliseconds(100), TestClock.New());

        for (var i = 0; i < 5; i++)
        {
            limit.BlockFor(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(1200), limit.Window);
    }
}
