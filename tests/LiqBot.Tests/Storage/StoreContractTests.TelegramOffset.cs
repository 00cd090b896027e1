using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static readonly IReadOnlyList<OutboxEnvelope> NoReplies = [];

    [Fact]
    public async Task TelegramOffset_IsKeptAcrossARestart_AndNeverGoesBack()
    {
        var first = new SqlTelegramOffsetStore(OpenDatabase());
        Assert.Null(await first.GetAsync(None));

        await first.SaveAsync(1001, NoReplies, None);
        await first.SaveAsync(1002, NoReplies, None);
        var restarted = new SqlTelegramOffsetStore(OpenDatabase());
        // A poller that lost the lease mid-batch saves an older offset: its successor's progress stays.
        await restarted.SaveAsync(1000, NoReplies, None);

        Assert.Equal(1002, await restarted.GetAsync(None));
    }

    [Fact]
    public async Task TelegramOffset_SavedWithItsReplies_QueuesThemOnce_WithTheMessageTheyAnswer()
    {
        var instance = Open();
        var offsets = new SqlTelegramOffsetStore(instance.Database);
        var chat = Telegram("42");
        OutboxEnvelope[] replies =
        [
            new("tg-update:LiqBot:7:0", chat, OutboxMessageKind.Reply, "map caption", [1, 2, 3], ReplyToMessageId: 555, ReplyThreadId: 77),
            new("tg-update:LiqBot:7:1", chat, OutboxMessageKind.Reply, "the rest", ReplyToMessageId: 555, ReplyThreadId: 77),
        ];

        await offsets.SaveAsync(8, replies, None);
        // The same update handled again after a kill: the same keys, nothing new queued.
        await new SqlTelegramOffsetStore(OpenDatabase()).SaveAsync(8, [replies[1] with { Text = "computed again" }], None);

        Assert.Equal(8, await offsets.GetAsync(None));
        var claimed = await instance.Outbox.ClaimDueAsync(ChatPlatforms.Telegram, "a", 10, Lease, None);
        Assert.Equal(["map caption", "the rest"], claimed.Select(m => m.Text));
        Assert.All(claimed, m => Assert.Equal((OutboxMessageKind.Reply, 555L, 77L), (m.Kind, m.ReplyToMessageId, m.ReplyThreadId)));
        Assert.Equal([1, 2, 3], claimed[0].Png);
    }

    [Fact]
    public async Task Claim_TakesCommandRepliesBeforeOlderAlerts_AndUrgentOnlyTakesReplies()
    {
        var outbox = Open().Outbox;
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(Alert($"cascade:{i}", Telegram(i.ToString())), None);
        }

        Clock.Advance(TimeSpan.FromSeconds(1));
        await outbox.EnqueueAsync(new OutboxEnvelope("tg-update:LiqBot:9:0", Telegram("99"), OutboxMessageKind.Reply, "answer", ReplyToMessageId: 3), None);

        var urgent = Assert.Single(await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "side", 10, Lease, None, urgentOnly: true));
        Assert.Equal("answer", urgent.Text);
        await outbox.EnqueueAsync(new OutboxEnvelope("tg-update:LiqBot:10:0", Telegram("98"), OutboxMessageKind.Reply, "second answer"), None);
        var batch = await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "main", 2, Lease, None);
        Assert.Equal(["second answer", "alert text"], batch.Select(m => m.Text));
    }
}
