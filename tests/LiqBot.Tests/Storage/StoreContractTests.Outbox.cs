using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Enqueue_SameKeyAndChatTwice_StoresOneMessage()
    {
        var outbox = Open().Outbox;
        var chat = Telegram("1");

        Assert.True(await outbox.EnqueueAsync(Alert("proximity:BTCUSDT:long:88000", chat), None));
        Assert.False(await outbox.EnqueueAsync(Alert("proximity:BTCUSDT:long:88000", chat, "second copy"), None));
        // Another instance deciding the same alert is deduplicated by the database, not by memory.
        Assert.False(await Open().Outbox.EnqueueAsync(Alert("proximity:BTCUSDT:long:88000", chat), None));

        Assert.Equal(1, await outbox.CountPendingAsync(null, None));
        var message = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "a", 10, Lease, None));
        Assert.Equal("alert text", message.Text);
    }

    [Fact]
    public async Task Enqueue_SameKeyForAnotherChat_StoresBoth()
    {
        var outbox = Open().Outbox;

        Assert.True(await outbox.EnqueueAsync(Alert("sweep:1", Telegram("1")), None));
        Assert.True(await outbox.EnqueueAsync(Alert("sweep:1", Telegram("2")), None));
        Assert.True(await outbox.EnqueueAsync(Alert("sweep:1", Discord("1")), None));

        Assert.Equal(2, await outbox.CountPendingAsync(ChatPlatforms.Telegram, None));
        Assert.Equal(3, await outbox.CountPendingAsync(null, None));
    }

    [Fact]
    public async Task Claim_ReturnsDueMessagesOfThePlatformOldestFirst_WithTheirImage()
    {
        var outbox = Open().Outbox;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0, 255];
        await outbox.EnqueueAsync(new OutboxEnvelope("summary", Discord("1"), OutboxMessageKind.Summary, "map", png), None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await outbox.EnqueueAsync(Alert("later", Discord("1"), notBefore: Clock.GetUtcNow().AddMinutes(5)), None);
        await outbox.EnqueueAsync(Alert("now", Discord("2")), None);
        await outbox.EnqueueAsync(Alert("telegram", Telegram("1")), None);

        var claimed = await outbox.ClaimDueAsync(ChatPlatforms.Discord, "a", 10, Lease, None);

        Assert.Equal(["summary", "now"], claimed.Select(m => m.DedupeKey));
        var summary = claimed[0];
        Assert.Equal(OutboxMessageKind.Summary, summary.Kind);
        Assert.Equal(png, summary.Png);
        Assert.Equal(1, summary.Attempts);
        Assert.Equal("a", summary.LeaseOwner);
        Assert.Equal(Clock.GetUtcNow() + Lease, summary.LeaseUntil);
        Assert.Equal(OutboxMessageState.Pending, summary.State);
        Assert.Null(claimed[1].Png);
    }

    [Fact]
    public async Task Claim_ByConcurrentInstances_NeverHandsOutAMessageTwice()
    {
        var producer = Open().Outbox;
        for (var i = 0; i < 60; i++)
        {
            await producer.EnqueueAsync(Alert($"alert-{i}", Telegram((i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture))), None);
        }

        var claimers = Enumerable.Range(0, 3).Select(i => ClaimUntilEmptyAsync(Open().Outbox, $"instance-{i}"));
        var results = await Task.WhenAll(claimers);

        var ids = results.SelectMany(r => r).ToList();
        Assert.Equal(60, ids.Count);
        Assert.Equal(60, ids.Distinct().Count());
    }

    [Fact]
    public async Task Claim_AfterCrashMidSend_WaitsForTheLeaseThenHandsItOutAgain()
    {
        var before = Open();
        await before.Outbox.EnqueueAsync(Alert("cascade:1", Telegram("1")), None);
        await before.Outbox.EnqueueAsync(Alert("cascade:2", Telegram("1")), None);
        var claimed = await before.Outbox.ClaimDueAsync(ChatPlatforms.Telegram, "dead", 10, Lease, None);
        Assert.True(await before.Outbox.MarkSentAsync(claimed[0].Id, None));
        await CrashAsync(before);

        var after = Open().Outbox;
        Assert.Empty(await after.ClaimDueAsync(ChatPlatforms.Telegram, "alive", 10, Lease, None));
        Clock.Advance(Lease);
        var reclaimed = Assert.Single(await after.ClaimDueAsync(ChatPlatforms.Telegram, "alive", 10, Lease, None));

        Assert.Equal("cascade:2", reclaimed.DedupeKey);
        Assert.Equal(2, reclaimed.Attempts);
        Assert.Equal("alive", reclaimed.LeaseOwner);
        Assert.True(await after.MarkSentAsync(reclaimed.Id, None));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await after.ClaimDueAsync(ChatPlatforms.Telegram, "alive", 10, Lease, None));
        Assert.Equal(0, await after.CountPendingAsync(null, None));
    }

    [Fact]
    public async Task MarkSent_DropsTheImageAndCannotBeRepeated()
    {
        var outbox = Open().Outbox;
        await outbox.EnqueueAsync(new OutboxEnvelope("summary", Discord("1"), OutboxMessageKind.Summary, "map", [1, 2, 3]), None);
        var message = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "a", 1, Lease, None));

        Assert.True(await outbox.MarkSentAsync(message.Id, None));
        Assert.False(await outbox.MarkSentAsync(message.Id, None));

        var stored = await outbox.GetAsync(message.Id, None);
        Assert.Equal(OutboxMessageState.Sent, stored?.State);
        Assert.Null(stored?.Png);
        Assert.Null(stored?.LeaseOwner);
        Assert.False(await outbox.EnqueueAsync(new OutboxEnvelope("summary", Discord("1"), OutboxMessageKind.Summary, "again"), None));
    }

    [Fact]
    public async Task Reschedule_KeepsTheMessageUntilNotBefore_AndRecordsTheReason()
    {
        var outbox = Open().Outbox;
        await outbox.EnqueueAsync(Alert("rate-limited", Discord("1")), None);
        var message = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "a", 10, Lease, None));

        Assert.True(await outbox.RescheduleAsync(message.Id, Clock.GetUtcNow().AddSeconds(30), "429 retry_after=30", None));

        Assert.Empty(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "b", 10, Lease, None));
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "b", 10, Lease, None));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var retried = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "b", 10, Lease, None));
        Assert.Equal("429 retry_after=30", retried.LastError);
        Assert.Equal(2, retried.Attempts);
    }

    [Fact]
    public async Task MarkFailed_IsNeverClaimedAgain_AndPurgeRemovesFinishedMessages()
    {
        var outbox = Open().Outbox;
        await outbox.EnqueueAsync(Alert("forbidden", Telegram("1")), None);
        await outbox.EnqueueAsync(Alert("waiting", Telegram("2")), None);
        var message = (await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "a", 1, Lease, None))[0];

        Assert.True(await outbox.MarkFailedAsync(message.Id, "403 bot was kicked", None));
        Clock.Advance(TimeSpan.FromDays(1));

        var remaining = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "a", 10, Lease, None));
        Assert.Equal("waiting", remaining.DedupeKey);
        var failed = await outbox.GetAsync(message.Id, None);
        Assert.Equal(OutboxMessageState.Failed, failed?.State);
        Assert.Equal("403 bot was kicked", failed?.LastError);
        Assert.Equal(1, await outbox.PurgeFinishedAsync(Clock.GetUtcNow(), None));
        Assert.Null(await outbox.GetAsync(message.Id, None));
        Assert.Equal(1, await outbox.CountPendingAsync(null, None));
    }

    private static OutboxEnvelope Alert(string key, ChatAddress chat, string text = "alert text", DateTimeOffset? notBefore = null) =>
        new(key, chat, OutboxMessageKind.Alert, text, NotBefore: notBefore);

    private static async Task<List<long>> ClaimUntilEmptyAsync(IOutbox outbox, string owner)
    {
        var ids = new List<long>();
        while (true)
        {
            var batch = await outbox.ClaimDueAsync(ChatPlatforms.Telegram, owner, 4, Lease, None);
            if (batch.Count == 0)
            {
                return ids;
            }

            ids.AddRange(batch.Select(m => m.Id));
        }
    }
}
