using LiqBot.Chat.Telegram;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// Command replies go through the outbox, so the deliveries a restarted process reads to seed its rate limiter
/// include them: the chat that was just answered waits its per-chat second, one that was not does not.
/// </summary>
public sealed class TelegramReplyLimiterSeedTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReplyToACommand_IsCountedByTheNextProcesssLimiterSeed()
    {
        // One clock for the bot's side and the fake, standing still: the reply and the seed happen at the same moment.
        var clock = TestClock.New();
        await using var harness = await TelegramPollingHarness.StartAsync(clock);
        await harness.StartWorkerAsync();
        const long answered = TelegramPollingHarness.UserId, silent = TelegramPollingHarness.UserId + 1;

        harness.Server.EnqueueMessage(answered, "private", answered, "/echo hi");
        await Eventually.TrueAsync(
            async () => harness.Server.SentCount == 1 && await harness.Outbox.CountPendingAsync(null, CancellationToken.None) == 0, Bound, "the reply sent and recorded");

        var next = harness.BuildProcess();
        await next.GetRequiredService<TelegramLimiterSeed>().BeforeBatchAsync([], CancellationToken.None);
        var limiter = next.GetRequiredService<TelegramRateLimiter>();

        var again = limiter.TryStart(answered);
        Assert.False(again.Allowed);
        Assert.False(again.Global);
        Assert.Equal(TimeSpan.FromSeconds(1), again.Wait);
        Assert.True(limiter.TryStart(silent).Allowed);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("starts from 1 sends to 1 chats in the last minute", StringComparison.Ordinal));
    }
}
