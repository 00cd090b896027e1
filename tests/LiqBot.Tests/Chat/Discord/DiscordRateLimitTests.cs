using System.Diagnostics;
using LiqBot.Chat.Discord;
using LiqBot.Fakes.Discord;

namespace LiqBot.Tests.Chat.Discord;

public sealed class DiscordRateLimitTests
{
    [Fact]
    public async Task BurstToOneChannel_WaitsForTheBucketToReset_WithoutA429()
    {
        // Discord's 5 messages per 5 s per channel, scaled to 5 per 300 ms.
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { ChannelMessageWindow = TimeSpan.FromMilliseconds(300) });
        var started = Stopwatch.GetTimestamp();

        var responses = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => PostAsync(host, "100", i)));

        Assert.All(responses, r => Assert.True(r.IsSuccess, r.Describe()));
        Assert.Equal(0, host.Fake.RateLimits.TooManyRequests);
        Assert.Equal(15, host.Fake.MessagesIn("100").Count);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(600), "15 messages need two bucket resets");
    }

    [Fact]
    public async Task Global429_IsWaitedOutAndRetried_WithoutASecond429()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.RateLimits.ForceGlobal(TimeSpan.FromMilliseconds(400));
        var started = Stopwatch.GetTimestamp();

        var response = await PostAsync(host, "200", 0);

        Assert.True(response.IsSuccess, response.Describe());
        Assert.Equal(1, host.Fake.RateLimits.TooManyRequests);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(400), "the retry waited for retry_after");
    }

    [Fact]
    public async Task Global429_DuringABurstToManyChannels_StopsEverySender_OnlyRequestsAlreadyInFlightMeetIt()
    {
        await using var host = await DiscordTestHost.StartAsync(configure: o => o.MaxConcurrentSends = 4);
        host.Fake.RateLimits.ForceGlobal(TimeSpan.FromMilliseconds(400));
        var report = new RecordingDeliveryReport();
        var batch = Enumerable.Range(0, 40).Select(i => RecordingDeliveryReport.Message(i + 1, (210 + i).ToString())).ToList();

        await host.Sender.SendAsync(batch, report, CancellationToken.None);

        Assert.All(report.Reports, r => Assert.Equal("sent", r.Outcome));
        Assert.Equal(40, host.Fake.TotalMessages);
        Assert.InRange(host.Fake.RateLimits.TooManyRequests, 1, 4);
    }

    [Fact]
    public async Task GlobalLimit_IsKeptWithoutA429()
    {
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { GlobalLimit = 20 }, o => o.GlobalRequestsPerSecond = 20);
        var started = Stopwatch.GetTimestamp();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PostAsync(host, (300 + i).ToString(), i)));

        Assert.All(responses, r => Assert.True(r.IsSuccess, r.Describe()));
        Assert.Equal(0, host.Fake.RateLimits.TooManyRequests);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(2), "50 requests at 20/s need two more windows");
    }

    [Fact]
    public async Task RetryAfterLongerThanConfigured_GoesBackToTheSenderAsRetryLater()
    {
        await using var host = await DiscordTestHost.StartAsync(configure: o => o.MaxRetryAfterWait = TimeSpan.FromMilliseconds(100));
        host.Fake.RateLimits.ForceGlobal(TimeSpan.FromSeconds(30));
        var report = new RecordingDeliveryReport();

        await host.Sender.SendAsync([RecordingDeliveryReport.Message(1, "400")], report, CancellationToken.None);

        var (outcome, _, delay, reason) = Assert.Single(report.Reports);
        Assert.Equal("retry", outcome);
        Assert.InRange(delay.TotalSeconds, 29, 30.5);
        Assert.StartsWith("429", reason, StringComparison.Ordinal);
        Assert.Equal(1, host.Fake.RateLimits.TooManyRequests);
    }

    private static Task<DiscordResponse> PostAsync(DiscordTestHost host, string channelId, int i) =>
        host.Rest.SendAsync(DiscordRoute.CreateMessage(channelId), DiscordMessageBody.Create($"message {i}", null, nonce: "n" + i), CancellationToken.None);
}
