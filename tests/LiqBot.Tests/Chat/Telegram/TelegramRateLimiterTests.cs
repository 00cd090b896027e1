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

    [Fact]
    public void Seed_WithWhatADeadProcessSent_HoldsTheGroupForItsMinuteAndTheChatForItsSecond()
    {
        const long group = -1001, chat = 7;
        var now = _clock.GetUtcNow();
        // The dead process sent the group 20 messages, one a second, the last 31 s ago; and the chat one 400 ms ago.
        var sends = Enumerable.Range(0, 20).Select(i => (group, now.AddSeconds(-50 + i))).Append((chat, now.AddMilliseconds(-400))).ToList();
        var limiter = Limiter();

        limiter.Seed(sends);

        var groupWait = limiter.TryStart(group);
        Assert.Equal((false, false, TimeSpan.FromSeconds(10)), (groupWait.Allowed, groupWait.Global, groupWait.Wait));
        Assert.Equal(TimeSpan.FromMilliseconds(600), limiter.TryStart(chat).Wait);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.True(limiter.TryStart(chat).Allowed);
        _clock.Advance(TimeSpan.FromSeconds(9.4) - TimeSpan.FromTicks(1));
        Assert.False(limiter.TryStart(group).Allowed);
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(limiter.TryStart(group).Allowed);
    }

    [Fact]
    public void Seed_TheSameHistoryTwice_CountsEachSendOnce()
    {
        const long group = -1002;
        var now = _clock.GetUtcNow();
        var sends = Enumerable.Range(0, 19).Select(i => (group, now.AddSeconds(-40 + i))).ToList();
        var limiter = Limiter();

        limiter.Seed(sends);
        limiter.Seed(sends);

        Assert.True(limiter.TryStart(group).Allowed);
        limiter.Answered(group);
        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.Seed([.. sends, (group, now)]);
        Assert.Equal(TimeSpan.FromSeconds(19), limiter.TryStart(group).Wait);
    }

    private TelegramRateLimiter Limiter() => new(Options.Create(new TelegramOptions()), _clock);
}
