using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Record_SeveralResultsInOneTransaction_EachTakesEffectOnce()
    {
        var outbox = Open().Outbox;
        foreach (var key in new[] { "sent", "retry", "failed" })
        {
            await outbox.EnqueueAsync(Alert(key, Telegram(key)), None);
        }

        var claimed = await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "a/1", 10, Lease, None);
        var retryAt = Clock.GetUtcNow().AddSeconds(5);

        var changed = await outbox.RecordAsync(
            [OutboxResult.Sent(claimed[0].Id), OutboxResult.RetryAt(claimed[1].Id, retryAt, "connection cut"), OutboxResult.Failed(claimed[2].Id, "400 bad request")], None);

        Assert.Equal([true, true, true], changed);
        Assert.Equal([false, true], await outbox.RecordAsync([OutboxResult.Sent(claimed[0].Id), OutboxResult.Sent(claimed[1].Id)], None));
        Assert.Equal(OutboxMessageState.Sent, (await outbox.GetAsync(claimed[0].Id, None))?.State);
        Assert.Equal(OutboxMessageState.Sent, (await outbox.GetAsync(claimed[1].Id, None))?.State);
        var failed = await outbox.GetAsync(claimed[2].Id, None);
        Assert.Equal((OutboxMessageState.Failed, "400 bad request"), (failed?.State, failed?.LastError));
        Assert.Equal(0, await outbox.CountPendingAsync(null, None));
    }

    [Fact]
    public async Task RenewLease_KeepsOnlyThatBatchClaimed_OthersRunOutAsBefore()
    {
        var outbox = Open().Outbox;
        var shortLease = TimeSpan.FromSeconds(30);
        await outbox.EnqueueAsync(Alert("renewed", Telegram("1")), None);
        await outbox.EnqueueAsync(Alert("abandoned", Telegram("2")), None);
        Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "live/1", 1, shortLease, None));
        Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "dead/1", 1, shortLease, None));

        for (var beat = 0; beat < 6; beat++)
        {
            Clock.Advance(shortLease / 3);
            Assert.Equal(1, await outbox.RenewLeaseAsync("live/1", shortLease, None));
        }

        // Two minutes on, the live batch is still its own; the dead one's claim ran out after one lease.
        var reclaimed = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "other/1", 10, shortLease, None));
        Assert.Equal("abandoned", reclaimed.DedupeKey);
        Assert.Equal(0, await outbox.RenewLeaseAsync("dead/1", shortLease, None));
    }

    [Fact]
    public async Task Claim_RetriesOnly_LeavesMessagesNeverTriedForTheNextBatch()
    {
        var outbox = Open().Outbox;
        await outbox.EnqueueAsync(Alert("cut", Discord("1")), None);
        var cut = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "a/1", 10, Lease, None));
        await outbox.EnqueueAsync(Alert("fresh", Discord("2")), None);
        await outbox.RecordAsync([OutboxResult.RetryAt(cut.Id, Clock.GetUtcNow(), "connection cut after the request was sent")], None);

        var retried = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "a/2", 10, Lease, None, urgentOnly: true));

        Assert.Equal("cut", retried.DedupeKey);
        Assert.Equal("fresh", Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Discord, "a/3", 10, Lease, None)).DedupeKey);
    }
}
