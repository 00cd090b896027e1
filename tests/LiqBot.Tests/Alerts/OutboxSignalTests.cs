using LiqBot.Alerts;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Alerts;

/// <summary>The dispatchers' wake-up: each platform's loop gets every notification, and one that came between its waits.</summary>
public sealed class OutboxSignalTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Notify_WakesEveryListener_AndIsKeptForOneThatWasNotWaiting()
    {
        using var signal = new OutboxSignal();
        var clock = TestClock.New();
        using var stop = new CancellationTokenSource();
        // Each listener waits once (and times out) so the signal knows it, as a dispatch loop does at start.
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, clock, stop.Token, ChatPlatforms.Telegram));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, clock, stop.Token, ChatPlatforms.Discord));

        var telegram = signal.WaitAsync(Long, clock, stop.Token, ChatPlatforms.Telegram);
        signal.Notify();

        Assert.True(await telegram.WaitAsync(Eventually.Floor));
        // Discord was not waiting when it came: its next wait returns at once, without the clock moving.
        Assert.True(await signal.WaitAsync(Long, clock, stop.Token, ChatPlatforms.Discord).WaitAsync(Eventually.Floor));
    }
}
