using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task GetSettings_ChatNeverConfigured_ReturnsDefaults()
    {
        var store = Open().Subscriptions;

        var settings = await store.GetSettingsAsync(Telegram("-100"), None);

        Assert.Equal(ChatSettings.Default, settings);
    }

    [Fact]
    public async Task SaveSettings_ThenGet_ReturnsEveryValueTyped()
    {
        var store = Open().Subscriptions;
        var chat = Discord("1234567890");
        Assert.True(SummaryScheduleText.TryParse("0 8 * * 1-5", out var cron, out _));
        var saved = new ChatSettings(0.8, 50_000_000, TimeSpan.FromMinutes(45), 12_500_000, TimeSpan.FromMinutes(10), TimeWindow.D3, cron);

        await store.SaveSettingsAsync(chat, saved, None);
        var loaded = await Open().Subscriptions.GetSettingsAsync(chat, None);

        Assert.Equal(saved, loaded);
        Assert.Equal(ChatSettings.Default, await store.GetSettingsAsync(Discord("other"), None));
    }

    [Fact]
    public async Task SaveSettings_Twice_KeepsTheLatest()
    {
        var store = Open().Subscriptions;
        var chat = Telegram("42");
        await store.SaveSettingsAsync(chat, ChatSettings.Default with { ProximityPct = 1.5 }, None);

        await store.SaveSettingsAsync(chat, ChatSettings.Default with { Summary = SummarySchedule.Every(TimeSpan.FromHours(4)) }, None);

        var loaded = await store.GetSettingsAsync(chat, None);
        Assert.Equal(ChatSettings.Default.ProximityPct, loaded.ProximityPct);
        Assert.Equal("every 4h", loaded.Summary?.Text);
        Assert.Equal(TimeSpan.FromHours(4), loaded.Summary?.Interval);
    }

    [Fact]
    public async Task ListScheduledSummaries_ReturnsChatsWithASummaryThatAreNotPaused()
    {
        var store = Open().Subscriptions;
        var every4h = ChatSettings.Default with { Summary = SummarySchedule.Every(TimeSpan.FromHours(4)), Window = TimeWindow.D7 };
        await store.SaveSettingsAsync(Telegram("1"), every4h, None);
        await store.SaveSettingsAsync(Telegram("2"), every4h, None);
        await store.SaveSettingsAsync(Telegram("3"), ChatSettings.Default, None);
        await store.PauseChatAsync(Telegram("2"), "kicked", None);

        var scheduled = await Open().Subscriptions.ListScheduledSummariesAsync(None);

        var only = Assert.Single(scheduled);
        Assert.Equal(Telegram("1"), only.Chat);
        Assert.Equal("every 4h", only.Schedule.Text);
        Assert.Equal(TimeWindow.D7, only.Window);
    }

    [Fact]
    public async Task SummaryLog_RecordThenGetLast_RoundTripsZonesAndKeepsOnlyTheLatest()
    {
        var log = Open().Summaries;
        var chat = Discord("55");
        var first = new SummaryRecord(chat, "BTCUSDT", Clock.GetUtcNow(), 91_000,
            [new Zone(PositionSide.Long, 88_000, 89_000, 412e6, -2.4), new Zone(PositionSide.Short, 94_000, 96_000, 380e6, 3.1)]);
        await log.RecordAsync(first, None);
        Clock.Advance(TimeSpan.FromHours(4));
        var second = first with { PostedAt = Clock.GetUtcNow(), Price = 92_000, Zones = [new Zone(PositionSide.Short, 95_000, 96_000, 300e6, 3.3)] };

        await log.RecordAsync(second, None);
        var last = await Open().Summaries.GetLastAsync(chat, "btcusdt", None);

        Assert.NotNull(last);
        Assert.Equal(second.PostedAt, last.PostedAt);
        Assert.Equal(92_000, last.Price);
        Assert.Equal(second.Zones, last.Zones);
        Assert.Null(await log.GetLastAsync(chat, "ETHUSDT", None));
    }
}
