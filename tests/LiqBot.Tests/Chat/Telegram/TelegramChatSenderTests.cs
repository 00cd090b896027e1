using LiqBot.Engine.Alerts;
using LiqBot.Fakes.Telegram;
using LiqBot.Storage;

using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>Posting from the real outbox through the sender to the fake Bot API, on a clock 50 times real time.</summary>
public sealed class TelegramChatSenderTests
{
    private const double ClockScale = 50;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // These tests are about answers, not leases: a lease of 30 s is 0.6 s of real time at 50x (fenced after
    // 0.4 s, and DispatchOnceAsync has no heartbeat), which a loaded machine can outlast mid-batch.
    private static readonly TimeSpan Lease = TimeSpan.FromHours(2);

    [Fact]
    public async Task Forbidden_PausesTheChatsSubscriptionsAndFailsItsMessages_OthersStillGetTheirs()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale);
        const long blocked = 1001, other = 1002;
        await harness.Store.Subscriptions.SubscribeAsync(TelegramFanOutHarness.Chat(blocked), "BTCUSDT", AlertKinds.All, CancellationToken.None);
        harness.Server.Forbid(blocked);
        await harness.EnqueueAlertsAsync([blocked, other]);
        await harness.EnqueueAlertsAsync([blocked], "sweep:BTCUSDT:88000");
        var (dispatcher, sender) = harness.NewProcess("a", lease: Lease);

        Assert.Equal(3, await dispatcher.DispatchOnceAsync(sender, CancellationToken.None));

        var subscription = Assert.Single(await harness.Store.Subscriptions.ListSubscriptionsAsync(TelegramFanOutHarness.Chat(blocked), CancellationToken.None));
        Assert.True(subscription.IsPaused);
        Assert.Contains("kicked", subscription.PausedReason);
        Assert.Equal(0, await harness.PendingAsync());
        Assert.Equal([other], harness.Server.Sent.Select(m => m.ChatId));
        Assert.Equal(2, harness.Server.CallCount("sendMessage"));
    }

    [Fact]
    public async Task GroupUpgradedToSupergroup_MovesTheSubscriptionAndDeliversToTheNewId()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale);
        const long group = -4000001, supergroup = -1004000001;
        await harness.Store.Subscriptions.SubscribeAsync(TelegramFanOutHarness.Chat(group), "BTCUSDT", AlertKinds.Proximity, CancellationToken.None);
        harness.Server.Migrate(group, supergroup);
        await harness.EnqueueAlertsAsync([group]);
        var (dispatcher, _) = harness.NewProcess("a", lease: Lease);

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await harness.PendingAsync() == 0, Bound, "the alert delivered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Empty(await harness.Store.Subscriptions.ListSubscriptionsAsync(TelegramFanOutHarness.Chat(group), CancellationToken.None));
        var moved = Assert.Single(await harness.Store.Subscriptions.ListSubscriptionsAsync(TelegramFanOutHarness.Chat(supergroup), CancellationToken.None));
        Assert.Equal("BTCUSDT", moved.Symbol);
        Assert.Equal([supergroup], harness.Server.Sent.Select(m => m.ChatId));
    }

    [Fact]
    public async Task ServerError_IsRetriedAfterABackoff_AndDeliveredOnce()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale);
        harness.Server.FailNextSends(1, 502);
        await harness.EnqueueAlertsAsync([2001], png: TinyPng.Bytes);
        var (dispatcher, _) = harness.NewProcess("a", lease: Lease);

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await harness.PendingAsync() == 0, Bound, "the alert delivered");
        await dispatcher.StopAsync(CancellationToken.None);

        var photo = Assert.Single(harness.Server.Sent);
        Assert.Equal("sendPhoto", photo.Method);
        Assert.Equal(TinyPng.Bytes, photo.Photo);
        Assert.Contains("($412M) & 2001", photo.PlainText);
        Assert.Equal(2, harness.Server.CallCount("sendPhoto"));
    }

    [Fact]
    public async Task AlertLongerThanACaption_SendsThePhotoThenTheRestAsText_NothingCut()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale);
        var lines = Enumerable.Range(1, 60).Select(i => $"line {i}: BTCUSDT zone 88.0k-89.0k ($412M est.) & more").ToList();
        var text = string.Join('\n', lines);
        await harness.Store.Outbox.EnqueueAsync(
            new OutboxEnvelope("cascade:BTCUSDT:long", TelegramFanOutHarness.Chat(2101), OutboxMessageKind.Alert, text, TinyPng.Bytes),
            CancellationToken.None);
        var (dispatcher, sender) = harness.NewProcess("a", lease: Lease);

        Assert.Equal(1, await dispatcher.DispatchOnceAsync(sender, CancellationToken.None));

        Assert.True(text.Length > 1024, "the text fits a caption: the test proves nothing");
        var sent = harness.Server.Sent.ToList();
        Assert.Equal(["sendPhoto", "sendMessage"], sent.Select(m => m.Method));
        Assert.InRange(sent[0].PlainText.Length, 1, 1024);
        Assert.Equal(text, sent[0].PlainText + "\n" + sent[1].PlainText); // cut at a line break, every line sent
        Assert.Equal(0, await harness.PendingAsync());
    }

    [Fact]
    public async Task TooManyRequests_PausesAllSendingForRetryAfter_AndEverythingArrivesOnce()
    {
        // The fake allows a third of what the sender is configured for, so it answers 429s.
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale, new FakeTelegramLimits(GlobalPerSecond: 10));
        var chats = Enumerable.Range(3000, 120).Select(i => (long)i).ToList();
        await harness.EnqueueAlertsAsync(chats);
        var (dispatcher, _) = harness.NewProcess("a", lease: Lease);

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await harness.PendingAsync() == 0, Bound, "all delivered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.True(harness.Server.TooManyRequests > 0);
        Assert.Contains("flood control (429)", harness.Logs.All);
        Assert.Equal(chats, harness.Server.Sent.Select(m => m.ChatId).Order());
    }

    [Fact]
    public async Task OneGroupWithMoreThanTwentyAlertsAMinute_IsPacedWithoutTooManyRequests()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(ClockScale);
        const long group = -1009000001;
        for (var i = 0; i < 25; i++)
        {
            await harness.EnqueueAlertsAsync([group], $"proximity:BTCUSDT:long:{88000 + i}");
        }

        var (dispatcher, _) = harness.NewProcess("a", lease: Lease);
        var started = harness.Clock.GetUtcNow();

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await harness.PendingAsync() == 0, Bound, "all 25 delivered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(0, harness.Server.TooManyRequests);
        Assert.Equal(25, harness.Server.SentCount);
        // The 21st waits for the first to leave the one-minute window.
        Assert.True(harness.Server.Sent[20].At - harness.Server.Sent[0].At >= TimeSpan.FromMinutes(1));
        Assert.True(harness.Clock.GetUtcNow() - started >= TimeSpan.FromMinutes(1));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"#proximity:BTCUSDT:long:{88000 + i}"), harness.Server.Sent.Select(m => m.PlainText[m.PlainText.IndexOf('#')..]));
    }
}
