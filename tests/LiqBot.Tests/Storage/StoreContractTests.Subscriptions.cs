using LiqBot.Storage;

using LiqBot.Engine.Alerts;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Subscribe_ThenList_ReturnsNormalizedSymbolAndAddsKinds()
    {
        var store = Open().Subscriptions;
        var chat = Telegram("-1001");
        var createdAt = Clock.GetUtcNow();

        await store.SubscribeAsync(chat, "btcusdt", AlertKinds.Proximity, None);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await store.SubscribeAsync(chat, "BTCUSDT", AlertKinds.Sweep, None);
        await store.SubscribeAsync(chat, "ETHUSDT", AlertKinds.All, None);

        Assert.Equal(AlertKinds.Proximity | AlertKinds.Sweep, again.Kinds);
        Assert.Equal(createdAt, again.CreatedAt);
        var listed = await Open().Subscriptions.ListSubscriptionsAsync(chat, None);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], listed.Select(s => s.Symbol));
        Assert.Equal(AlertKinds.All, listed[1].Kinds);
        Assert.All(listed, s => Assert.Null(s.PausedReason));
    }

    [Fact]
    public async Task Unsubscribe_RemovesOneSymbol_AndUnsubscribeAllTheRest()
    {
        var store = Open().Subscriptions;
        var chat = Discord("9");
        await store.SubscribeAsync(chat, "BTCUSDT", AlertKinds.All, None);
        await store.SubscribeAsync(chat, "ETHUSDT", AlertKinds.All, None);
        await store.SubscribeAsync(chat, "SOLUSDT", AlertKinds.All, None);
        await store.SubscribeAsync(Discord("10"), "BTCUSDT", AlertKinds.All, None);

        Assert.True(await store.UnsubscribeAsync(chat, "btcusdt", None));
        Assert.False(await store.UnsubscribeAsync(chat, "BTCUSDT", None));
        Assert.Equal(["ETHUSDT", "SOLUSDT"], (await store.ListSubscriptionsAsync(chat, None)).Select(s => s.Symbol));
        Assert.Equal(2, await store.UnsubscribeAllAsync(chat, None));

        Assert.Empty(await store.ListSubscriptionsAsync(chat, None));
        Assert.Single(await store.ListSubscriptionsAsync(Discord("10"), None));
    }

    [Fact]
    public async Task ListActiveSubscriptions_MatchesSymbolAndKind_AndSkipsPausedChats()
    {
        var store = Open().Subscriptions;
        await store.SubscribeAsync(Telegram("1"), "BTCUSDT", AlertKinds.Proximity, None);
        await store.SubscribeAsync(Telegram("2"), "BTCUSDT", AlertKinds.Cascade, None);
        await store.SubscribeAsync(Discord("3"), "BTCUSDT", AlertKinds.All, None);
        await store.SubscribeAsync(Discord("4"), "ETHUSDT", AlertKinds.All, None);
        await store.SubscribeAsync(Discord("5"), "BTCUSDT", AlertKinds.All, None);
        await store.PauseChatAsync(Discord("5"), "403 Missing Access", None);

        var proximity = await store.ListActiveSubscriptionsAsync("BTCUSDT", AlertKinds.Proximity, None);
        var any = await store.ListActiveSubscriptionsAsync("btcusdt", AlertKinds.All, None);

        Assert.Equal([Discord("3"), Telegram("1")], proximity.Select(s => s.Chat));
        Assert.Equal([Discord("3"), Telegram("1"), Telegram("2")], any.Select(s => s.Chat));
    }

    [Fact]
    public async Task PauseChat_KeepsSubscriptionsWithTheReason_AndResumeRestoresAlerts()
    {
        var store = Open().Subscriptions;
        var chat = Telegram("77");
        await store.SubscribeAsync(chat, "BTCUSDT", AlertKinds.All, None);

        await store.PauseChatAsync(chat, "bot was blocked by the user", None);

        var paused = Assert.Single(await store.ListSubscriptionsAsync(chat, None));
        Assert.Equal("bot was blocked by the user", paused.PausedReason);
        Assert.Empty(await store.ListActiveSubscriptionsAsync("BTCUSDT", AlertKinds.All, None));

        await store.ResumeChatAsync(chat, None);

        Assert.Single(await store.ListActiveSubscriptionsAsync("BTCUSDT", AlertKinds.All, None));
    }

    [Fact]
    public async Task MoveChat_CarriesSettingsSubscriptionsSummariesAndPendingMessages()
    {
        var instance = Open();
        var (group, supergroup) = (Telegram("-123"), Telegram("-100123"));
        var settings = ChatSettings.Default with { ProximityPct = 0.3 };
        await instance.Subscriptions.SaveSettingsAsync(group, settings, None);
        await instance.Subscriptions.SubscribeAsync(group, "BTCUSDT", AlertKinds.Proximity, None);
        await instance.Subscriptions.SubscribeAsync(group, "ETHUSDT", AlertKinds.All, None);
        await instance.Summaries.RecordAsync(new SummaryRecord(group, "BTCUSDT", Clock.GetUtcNow(), 90_000, []), None);
        await instance.Outbox.EnqueueAsync(new OutboxEnvelope("alert-1", group, OutboxMessageKind.Alert, "near zone"), None);
        await instance.Outbox.EnqueueAsync(new OutboxEnvelope("alert-2", group, OutboxMessageKind.Alert, "old copy"), None);
        // The supergroup was already used before the move was noticed: its own rows win.
        await instance.Subscriptions.SubscribeAsync(supergroup, "ETHUSDT", AlertKinds.Cascade, None);
        await instance.Outbox.EnqueueAsync(new OutboxEnvelope("alert-2", supergroup, OutboxMessageKind.Alert, "new copy"), None);

        await instance.Subscriptions.MoveChatAsync(group, supergroup, None);

        var store = Open().Subscriptions;
        Assert.Equal(settings, await store.GetSettingsAsync(supergroup, None));
        Assert.Empty(await store.ListSubscriptionsAsync(group, None));
        var moved = await store.ListSubscriptionsAsync(supergroup, None);
        Assert.Equal([("BTCUSDT", AlertKinds.Proximity), ("ETHUSDT", AlertKinds.Cascade)], moved.Select(s => (s.Symbol, s.Kinds)));
        Assert.NotNull(await instance.Summaries.GetLastAsync(supergroup, "BTCUSDT", None));
        var claimed = await instance.Outbox.ClaimDueAsync(ChatPlatforms.Telegram, "a", 10, TimeSpan.FromMinutes(1), None);
        Assert.Equal([("alert-1", "near zone"), ("alert-2", "new copy")], claimed.Select(m => (m.DedupeKey, m.Text)).Order());
        Assert.All(claimed, m => Assert.Equal(supergroup, m.Chat));
    }

    [Fact]
    public async Task Store_TextThatLooksLikeSql_IsStoredVerbatim()
    {
        var instance = Open();
        var chat = Telegram("1'; DROP TABLE subscriptions; --");
        const string reason = "kicked by \"admin\"; DELETE FROM chats; -- 'quoted'";

        await instance.Subscriptions.SubscribeAsync(chat, "BTCUSDT", AlertKinds.All, None);
        await instance.Subscriptions.PauseChatAsync(chat, reason, None);
        Assert.True(await instance.Outbox.EnqueueAsync(new OutboxEnvelope("k' OR '1'='1", chat, OutboxMessageKind.Reply, "<b>'); --"), None));

        var subscription = Assert.Single(await instance.Subscriptions.ListSubscriptionsAsync(chat, None));
        Assert.Equal(chat, subscription.Chat);
        Assert.Equal(reason, subscription.PausedReason);
        Assert.False(await instance.Outbox.EnqueueAsync(new OutboxEnvelope("k' OR '1'='1", chat, OutboxMessageKind.Reply, "again"), None));
        Assert.True(await instance.Outbox.EnqueueAsync(new OutboxEnvelope("k", chat, OutboxMessageKind.Reply, "other key"), None));
    }

    [Fact]
    public async Task Subscribe_SymbolThatIsNotASymbol_IsRefusedBeforeTheDatabase()
    {
        var store = Open().Subscriptions;

        await Assert.ThrowsAsync<ArgumentException>(() => store.SubscribeAsync(Telegram("1"), "BTC'--", AlertKinds.All, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SubscribeAsync(Telegram("1"), "BTCUSDT", AlertKinds.None, None));
        Assert.Empty(await store.ListSubscriptionsAsync(Telegram("1"), None));
    }
}
