using LiqBot.Chat.Telegram;
using LiqBot.Tests.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>The limiter on a hand-moved clock.</summary>
public sealed class TelegramRateLimiterTests
{
    private readonly FakeTimeProvider _clock = TestClock.New();

    [Fact]
    public void Global_AllowsABurstOfFiveThenOneEveryThirtiethOfASecond()
    {
        var limiter = Limiter();

        Assert.Equal(5, Enumerable.Range(1, 10).Count(chat => limiter.TryStart(chat).Allowed));
        var blocked = limiter.TryStart(100);
        Assert.True(blocked.Global);
        Assert.Equal(TimeSpan.FromSeconds(1) / 30, blocked.Wait);

        _clock.Advance(blocked.Wait);
        Assert.True(limiter.TryStart(100).Allowed);
    }

    [Fact]
    public void Global_NeverMoreThanThirtyInAWindowThatEndsAtTheAnswers()
    {
        var limiter = Limiter();
        var started = 0;
        for (var step = 0; step < 60; step++)
        {
            started += Enumerable.Range(step * 10, 10).Count(chat => limiter.TryStart(chat).Allowed);
            _clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        // 1.2 s passed and no send has answered: the 30 places are all held.
        Assert.Equal(30, started);
        Assert.Equal(TimeSpan.MaxValue, limiter.TryStart(9999).Wait);
    }

    [Fact]
    public void Chat_WaitsOneSecondAfterTheAnswer()
    {
        var limiter = Limiter();
        Assert.True(limiter.TryStart(7).Allowed);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(limiter.TryStart(7).Allowed);

        limiter.Answered(7);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        var decision = limiter.TryStart(7);

        Assert.False(decision.Allowed);
        Assert.False(decision.Global);
        Assert.Equal(TimeSpan.FromMilliseconds(1), decision.Wait);
    }

    [Fact]
    public void Group_TwentyAMinute()
    {
        var limiter = Limiter();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(limiter.TryStart(-100).Allowed);
            limiter.Answered(-100);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var decision = limiter.TryStart(-100);

        Assert.False(decision.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), decision.Wait);
    }

    [Fact]
    public void PauseAll_HoldsEveryChatForRetryAfter()
    {
        var limiter = Limiter();

        limiter.PauseAll(TimeSpan.FromSeconds(5));

        var decision = limiter.TryStart(1);
        Assert.True(decision.Global);
        Assert.Equal(TimeSpan.FromSeconds(5), decision.Wait);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(limiter.TryStart(1).Allowed);
    }

    private TelegramRateLimiter Limiter() => new(Options.Create(new TelegramOptions()), _clock);
}
