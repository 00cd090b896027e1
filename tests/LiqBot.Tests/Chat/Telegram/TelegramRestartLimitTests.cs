using System.Diagnostics;
using LiqBot.Fakes.Telegram;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// A process sends a group 20 messages (Telegram's 20 a minute) and a private chat one, then dies; a new
/// process on the same store (a SQLite file, or the test PostgreSQL) has one more for each. The fake Bot API
/// counts every message over Telegram's limits (429) on the same FakeTimeProvider the bot's side runs on.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TelegramRestartLimitTests(PostgresServerFixture postgres)
{
    private const long Group = -1005001, Chat = 5002;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task NewProcess_StartsFromWhatTheOutboxSaysWasSent_AndKeepsThePerChatAndGroupLimits(string provider)
    {
        var clock = TestClock.New();
        await using var harness = await TelegramFanOutHarness.StartAsync(clock, new FakeTelegramLimits(), await StoreAsync(provider));
        await SendTwentyThenDieAsync(harness, clock);

        await harness.EnqueueAlertsAsync([Group, Chat], "after-restart");
        var (next, nextSender) = harness.NewProcess("next", lease: TimeSpan.FromMinutes(5));
        await RunAsync(clock, next.DispatchOnceAsync(nextSender, CancellationToken.None));

        Assert.Equal(0, await harness.PendingAsync());
        Assert.Equal(0, harness.Server.TooManyRequests);
        var group = harness.Server.Sent.Where(m => m.ChatId == Group).Select(m => m.At).ToList();
        var chat = harness.Server.Sent.Where(m => m.ChatId == Chat).Select(m => m.At).ToList();
        Assert.Equal((21, 2), (group.Count, chat.Count));
        // The 21st waited for the first to leave the group's minute; the chat's second for the first's second.
        Assert.True(group[20] - group[0] >= TimeSpan.FromMinutes(1), $"21st group message {group[20] - group[0]} after the first");
        Assert.True(chat[1] - chat[0] >= TimeSpan.FromSeconds(1), $"second chat message {chat[1] - chat[0]} after the first");
        Assert.Contains(harness.Logs.Lines, l => l.Contains("starts from 21 sends to 2 chats in the last minute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewProcess_WithoutTheSeed_BreaksTheGroupLimit()
    {
        var clock = TestClock.New();
        await using var harness = await TelegramFanOutHarness.StartAsync(clock, new FakeTelegramLimits());
        await SendTwentyThenDieAsync(harness, clock);

        await harness.EnqueueAlertsAsync([Group], "after-restart");
        var (next, nextSender) = harness.NewProcess("next", lease: TimeSpan.FromMinutes(5), seedLimiter: false);
        await RunAsync(clock, next.DispatchOnceAsync(nextSender, CancellationToken.None));

        // What the limiter used to do after a restart: the fake refuses the 21st message of the minute.
        Assert.Equal(1, harness.Server.TooManyRequests);
        Assert.Equal(20, harness.Server.Sent.Count(m => m.ChatId == Group));
    }

    [Fact]
    public async Task RunningProcess_TakingOverADeadProcessesClaim_CountsWhatThatProcessSent()
    {
        const long other = 5003;
        var clock = TestClock.New();
        await using var harness = await TelegramFanOutHarness.StartAsync(clock, new FakeTelegramLimits());
        var (survivor, survivorSender) = harness.NewProcess("survivor", lease: TimeSpan.FromMinutes(5));
        await harness.EnqueueAlertsAsync([other], "before");
        Assert.Equal(1, await RunAsync(clock, survivor.DispatchOnceAsync(survivorSender, CancellationToken.None)));

        // The other process sends the group its 20 of the minute, claims one more and dies before sending it.
        await SendTwentyThenDieAsync(harness, clock);
        await harness.EnqueueAlertsAsync([Group], "claimed-by-the-dead");
        Assert.Single(await harness.Store.Outbox.ClaimDueAsync(ChatPlatforms.Telegram, "dying/9", 10, TimeSpan.FromSeconds(5), CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, await RunAsync(clock, survivor.DispatchOnceAsync(survivorSender, CancellationToken.None)));

        Assert.Equal(0, harness.Server.TooManyRequests);
        var group = harness.Server.Sent.Where(m => m.ChatId == Group).Select(m => m.At).ToList();
        Assert.Equal(21, group.Count);
        Assert.True(group[20] - group[0] >= TimeSpan.FromMinutes(1), $"the taken-over message went {group[20] - group[0]} after the first of the minute");
    }

    private static async Task SendTwentyThenDieAsync(TelegramFanOutHarness harness, FakeTimeProvider clock)
    {
        for (var i = 1; i <= 20; i++)
        {
            await harness.EnqueueAlertsAsync([Group], $"alert:{i}");
        }

        await harness.EnqueueAlertsAsync([Chat], "alert:last");
        var (dying, dyingSender) = harness.NewProcess("dying", batchSize: 10, lease: TimeSpan.FromMinutes(5));
        while (await RunAsync(clock, dying.DispatchOnceAsync(dyingSender, CancellationToken.None)) > 0)
        {
        }

        Assert.Equal((21, 0), (harness.Server.Sent.Count(m => m.ChatId is Group or Chat), harness.Server.TooManyRequests));
        // The process dies here, its results recorded; the clock stands still until the next one runs.
    }

    private async Task<StorageOptions?> StoreAsync(string provider) =>
        provider == "postgres"
            ? new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = await postgres.CreateDatabaseAsync() }
            : null;

    /// <summary>Moves the shared fake clock in small steps until the work is done (the stopwatch only guards against a hang).</summary>
    private static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> work)
    {
        var guard = Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            Assert.True(guard.Elapsed < Eventually.Floor * 3, "the dispatch pass did not end");
            clock.Advance(Step);
            await Task.Delay(TimeSpan.FromMilliseconds(1));
        }

        return await work;
    }
}
