using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListSentSince_GivesThePlatformsDeliveriesInTheWindow_OldestFirst_AfterARestart()
    {
        var first = Open();
        var outbox = first.Outbox;
        await outbox.EnqueueAsync(Alert("old", Telegram("1")), None);
        await outbox.EnqueueAsync(Alert("a", Telegram("1")), None);
        await outbox.EnqueueAsync(Alert("b", Telegram("-100")), None);
        await outbox.EnqueueAsync(Alert("failed", Telegram("2")), None);
        await outbox.EnqueueAsync(Alert("pending", Telegram("3")), None);
        await outbox.EnqueueAsync(Alert("discord", new ChatAddress(ChatPlatforms.Discord, "555")), None);
        var telegram = await outbox.ClaimDueAsync(ChatPlatforms.Telegram, "a/1", 10, Lease, None);
        var discord = await outbox.ClaimDueAsync(ChatPlatforms.Discord, "a/2", 10, Lease, None);
        var id = telegram.ToDictionary(m => m.DedupeKey, m => m.Id);

        await outbox.MarkSentAsync(id["old"], None);
        Clock.Advance(TimeSpan.FromSeconds(50));
        var windowStart = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMilliseconds(250));
        await outbox.MarkSentAsync(id["a"], None);
        await outbox.MarkFailedAsync(id["failed"], "400 bad request", None);
        await outbox.MarkSentAsync(discord[0].Id, None);
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        await outbox.MarkSentAsync(id["b"], None);
        await CrashAsync(first);

        var sends = await Open().Outbox.ListSentSinceAsync(ChatPlatforms.Telegram, windowStart, None);

        Assert.Equal(
            [new RecentSend("1", windowStart.AddMilliseconds(250)), new RecentSend("-100", windowStart.AddMilliseconds(750))],
            sends);
    }
}
