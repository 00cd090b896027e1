using System.Diagnostics;
using Xunit.Abstractions;

using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// Alerts to 10,000 chats through the real outbox, dispatcher and sender against the fake Bot API
/// enforcing Telegram's limits, both on a clock 50 times real time: the 5.5 minutes the limits
/// require pass in seconds, and the pacing logic still sees 30 a second.
/// </summary>
public sealed class TelegramFanOutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(240);

    // 20 by default; TELEGRAM_FANOUT_CLOCK_SCALE sets another (a lower one measures closer to real time on a busy machine).
    private static double ClockScale => double.TryParse(Environment.GetEnvironmentVariable("TELEGRAM_FANOUT_CLOCK_SCALE"), out var scale) && scale > 0 ? scale : 20;

    [Fact]
    public async Task TenThousandChats_EachGetsOneAlert_WithNoTooManyRequestsAndNoDuplicates()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale);
        // Half private chats, half groups (negative ids), as subscriptions would be.
        var chats = Enumerable.Range(1, 10_000).Select(i => i % 2 == 0 ? 100_000L + i : -1_000_000_000_000L - i).ToList();
        await harness.EnqueueAlertsAsync(chats);
        var (dispatcher, _) = harness.NewProcess("a");
        var watch = Stopwatch.StartNew();

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Server.SentCount >= chats.Count, Bound, "10,000 alerts accepted");
        watch.Stop();
        await Eventually.TrueAsync(async () => await harness.PendingAsync() == 0, Bound, "the outbox drained");
        await dispatcher.StopAsync(CancellationToken.None);

        var sent = harness.Server.Sent;
        Assert.Equal(0, harness.Server.TooManyRequests);
        Assert.Equal(chats.Order(), sent.Select(m => m.ChatId).Order());
        var span = sent[^1].At - sent[0].At;
        var rate = (sent.Count - 1) / span.TotalSeconds;
        output.WriteLine($"10,000 chats: {span.TotalMinutes:0.00} min at the real limits ({rate:0.0} msgs/s), {watch.Elapsed.TotalSeconds:0.0} s wall at {ClockScale}x, 429s: {harness.Server.TooManyRequests}");
        // Never above the limit; how close below it depends on how fast this machine serves ClockScale x 30 requests a second.
        Assert.InRange(rate, 1, 30);
    }

    [Fact]
    public async Task ProcessDiesMidFanOut_NextProcessSendsTheRestExactlyOnce()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale);
        var chats = Enumerable.Range(1, 3_000).Select(i => 200_000L + i).ToList();
        await harness.EnqueueAlertsAsync(chats);

        // The first process dies after its 1,000th request: no drain, its last batch stays leased.
        var network = new FreezeAfterRequestsHandler(1_000);
        var (first, _) = harness.NewProcess("first", network: network);
        await first.StartAsync(CancellationToken.None);
        await network.Frozen.WaitAsync(Bound);
        await Eventually.TrueAsync(() => harness.Server.SentCount == 1_000, Bound, "the first process's last requests answered");
        var pendingAfterDeath = await harness.PendingAsync();

        // Dying also stops the lease heartbeat (a frozen but living process would keep renewing its claim):
        // a stop with no time to drain cancels the frozen send and leaves its batch leased.
        await first.StopAsync(new CancellationToken(canceled: true));

        // A restart takes a moment; then the next process claims the rest, the dead one's leased batch once its lease ran out.
        await Task.Delay(TimeSpan.FromSeconds(2), harness.Clock);
        var (second, _) = harness.NewProcess("second");
        await second.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await harness.PendingAsync() == 0, Bound, "the outbox drained by the second process");
        await second.StopAsync(CancellationToken.None);

        output.WriteLine($"first process sent 1000 and died with {pendingAfterDeath} pending; second sent {harness.Server.SentCount - 1_000}");
        Assert.Equal(2_000, pendingAfterDeath);
        Assert.Equal(chats, harness.Server.Sent.Select(m => m.ChatId).Order());
        Assert.Equal(0, harness.Server.TooManyRequests);
    }
}
