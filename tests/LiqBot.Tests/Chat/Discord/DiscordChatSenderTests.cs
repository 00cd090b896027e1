using LiqBot.Engine.Alerts;
using LiqBot.Fakes.Discord;
using LiqBot.Storage;

namespace LiqBot.Tests.Chat.Discord;

public sealed class DiscordChatSenderTests
{
    [Fact]
    public async Task LostResponse_RetriedWithTheSameNonce_PostsOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        await using var store = new SqliteOutbox();
        var dispatcher = store.Dispatcher(host.Sender);
        await store.EnqueueAsync("500", "proximity:BTCUSDT:long:88000:2026-11-21T04:00Z");
        host.Fake.LoseResponsesAfterCreate("500");

        await dispatcher.DispatchOnceAsync(host.Sender, CancellationToken.None);
        Assert.Equal(1, await store.PendingAsync());
        store.Clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchOnceAsync(host.Sender, CancellationToken.None);

        Assert.Equal(0, await store.PendingAsync());
        var message = Assert.Single(host.Fake.MessagesIn("500"));
        Assert.True(message.Body.EnforceNonce);
        Assert.InRange(message.Body.Nonce!.Length, 1, 25);
    }

    [Theory]
    [InlineData(403, 50013, "Missing Permissions")]
    [InlineData(403, 50001, "Missing Access")]
    [InlineData(404, 10003, "Unknown Channel")]
    public async Task ChannelRefuses_PausesThatChatsSubscriptions_AndOthersStillGetTheirs(int status, int code, string text)
    {
        await using var host = await DiscordTestHost.StartAsync();
        await using var store = new SqliteOutbox();
        foreach (var channel in new[] { "601", "602" })
        {
            await store.Subscriptions.SubscribeAsync(SqliteOutbox.Channel(channel), "BTCUSDT", AlertKinds.All, CancellationToken.None);
        }

        host.Fake.FailChannel("601", new FakeChannelFailure(status, code, text));
        await store.EnqueueAsync("601", "a1");
        await store.EnqueueAsync("601", "a2");
        await store.EnqueueAsync("602", "a1");

        await store.Dispatcher(host.Sender).DispatchOnceAsync(host.Sender, CancellationToken.None);

        var refused = Assert.Single(await store.Subscriptions.ListSubscriptionsAsync(SqliteOutbox.Channel("601"), CancellationToken.None));
        Assert.True(refused.IsPaused);
        Assert.Contains($"{status} {code} {text}", refused.PausedReason, StringComparison.Ordinal);
        Assert.False(Assert.Single(await store.Subscriptions.ListSubscriptionsAsync(SqliteOutbox.Channel("602"), CancellationToken.None)).IsPaused);
        Assert.Equal(0, await store.PendingAsync());
        Assert.Single(host.Fake.MessagesIn("602"));
        Assert.Contains(host.Log.Lines, line => line.Contains("channel 601 unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertWithImage_IsPostedAsMultipartWithTheTextInTheEmbed()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var report = new RecordingDeliveryReport();

        await host.Sender.SendAsync([RecordingDeliveryReport.Message(7, "700", TestCommandRouter.Png)], report, CancellationToken.None);

        Assert.Equal("sent", Assert.Single(report.Reports).Outcome);
        var body = Assert.Single(host.Fake.MessagesIn("700")).Body;
        Assert.True(body.IsMultipart);
        Assert.Equal(TestCommandRouter.Png, body.Png);
        Assert.Equal("attachment://" + body.FileName, body.EmbedImageUrl);
        Assert.Equal("BTC nears the 88k long zone", body.EmbedDescription);
    }

    [Fact]
    public async Task ServerError_IsRetriedLaterWithBackoff()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.LoseResponsesAfterCreate("800");
        var report = new RecordingDeliveryReport();

        await host.Sender.SendAsync([RecordingDeliveryReport.Message(8, "800")], report, CancellationToken.None);

        var (outcome, _, delay, reason) = Assert.Single(report.Reports);
        Assert.Equal("retry", outcome);
        Assert.True(delay > TimeSpan.Zero);
        Assert.StartsWith("502", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_PausesPostingInsteadOfCollecting401s()
    {
        await using var host = await DiscordTestHost.StartAsync(configure: o => (o.Token, o.MaxConcurrentSends) = ("revoked-token", 1));
        var report = new RecordingDeliveryReport();
        var batch = Enumerable.Range(0, 20).Select(i => RecordingDeliveryReport.Message(i + 1, (850 + i).ToString())).ToList();

        await host.Sender.SendAsync(batch, report, CancellationToken.None);

        Assert.Equal(20, report.Reports.Count);
        Assert.All(report.Reports, r => Assert.Equal("retry", r.Outcome));
        Assert.All(report.Reports, r => Assert.InRange(r.Delay, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10)));
        Assert.Single(report.Reports, r => r.Reason.StartsWith("401", StringComparison.Ordinal));
        Assert.Contains(host.Log.Lines, line => line.StartsWith("Critical: Discord refused the bot token", StringComparison.Ordinal));
    }

    [Fact]
    public void Nonce_IsStablePerMessageAndWithinDiscordsLimit()
    {
        var first = LiqBot.Chat.Discord.DiscordNonce.For(RecordingDeliveryReport.Message(1, "900"));

        Assert.Equal(first, LiqBot.Chat.Discord.DiscordNonce.For(RecordingDeliveryReport.Message(1, "900") with { Attempts = 3 }));
        Assert.NotEqual(first, LiqBot.Chat.Discord.DiscordNonce.For(RecordingDeliveryReport.Message(2, "900")));
        Assert.Equal(25, first.Length);
    }
}
