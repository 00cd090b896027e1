using LiqBot.Chat.Discord;
using LiqBot.Fakes.Discord;

using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Discord;

public sealed class DiscordGatewayTests
{
    private static readonly FakeInteractionRequest Liqmap = new("liqmap", new Dictionary<string, string> { ["symbol"] = "btc" });

    [Fact]
    public async Task Identify_AsksForNoIntentsAndSendsTheConfiguredShard()
    {
        await using var host = await (await DiscordTestHost.StartAsync(configure: o => (o.ShardId, o.ShardCount) = (1, 2))).ConnectAsync();

        var identify = Assert.Single(host.Fake.Gateway.Identifies);
        Assert.Equal(0, identify["intents"]!.GetValue<int>());
        Assert.Equal("[1,2]", identify["shard"]!.ToJsonString());
        Assert.Equal(host.Fake.Options.Token, identify["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Heartbeat_AcknowledgedBeats_KeepTheConnection()
    {
        // A beat must be acknowledged before the next: 1 s leaves a loopback answer room on a loaded machine.
        await using var host = await (await DiscordTestHost.StartAsync(new FakeDiscordOptions { HeartbeatInterval = TimeSpan.FromSeconds(1) })).ConnectAsync();

        await Eventually.UntilAsync(() => host.Fake.Gateway.Heartbeats >= 4, "four heartbeats were sent");

        Assert.Equal(1, host.Fake.Gateway.Connections);
    }

    [Fact]
    public async Task DroppedSocket_ResumesWithTheLastSequence_AndReceivesTheEventsMissedMeanwhile()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();
        var before = await host.Fake.Gateway.DispatchInteractionAsync(Liqmap);
        await Eventually.UntilAsync(() => before.FollowUps.Count > 0, "the first interaction was answered");
        var lastSeen = host.Fake.Gateway.Sequence;

        var missed = await host.Fake.Gateway.DropAndDispatchWhileAwayAsync(Liqmap);
        await Eventually.UntilAsync(() => missed.FollowUps.Count > 0, "the interaction missed while away was answered");

        var resume = Assert.Single(host.Fake.Gateway.Resumes);
        Assert.Equal(lastSeen, resume.Sequence);
        Assert.Single(host.Fake.Gateway.Identifies);
        Assert.Equal(5, missed.ResponseType);
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesWithAResumableCodeAndResumes()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        await host.Fake.Gateway.SendReconnectAsync();
        await Eventually.UntilAsync(() => host.Fake.Gateway.Resumes.Count == 1 && host.Fake.Gateway.IsConnected, "the bot resumed");

        Assert.Equal(GatewayCloseCodes.Reconnecting, host.Fake.Gateway.ClientCloseCodes[0]);
        Assert.Single(host.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        await host.Fake.Gateway.SendInvalidSessionAsync(resumable: true);
        await Eventually.UntilAsync(() => host.Fake.Gateway.Resumes.Count == 1 && host.Fake.Gateway.IsConnected, "the bot resumed");

        Assert.Single(host.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAgain()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        await host.Fake.Gateway.SendInvalidSessionAsync(resumable: false);
        await Eventually.UntilAsync(() => host.Fake.Gateway.Identifies.Count == 2 && host.Fake.Gateway.IsConnected, "the bot identified again");

        Assert.Empty(host.Fake.Gateway.Resumes);
        var interaction = await host.Fake.Gateway.DispatchInteractionAsync(Liqmap);
        await Eventually.UntilAsync(() => interaction.FollowUps.Count > 0, "the new session serves interactions");
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4008, true)]
    [InlineData(4009, false)]
    [InlineData(4007, false)]
    public async Task Close_ResumableCodesResume_OthersIdentify(int code, bool resumes)
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        await host.Fake.Gateway.CloseAsync(code);
        await Eventually.UntilAsync(() => host.Fake.Gateway.Connections == 2 && host.Fake.Gateway.IsConnected, "the bot came back");

        Assert.Equal(resumes ? 1 : 0, host.Fake.Gateway.Resumes.Count);
        Assert.Equal(resumes ? 1 : 2, host.Fake.Gateway.Identifies.Count);
    }

    [Fact]
    public async Task AuthenticationFailed_4004_StopsTheAdapterWithAClearLogLine()
    {
        // A fixed gateway URL, so the bad token reaches Identify rather than being refused by GET /gateway/bot first.
        await using var host = await DiscordTestHost.StartAsync(configure: o => o.Token = "not-the-token");
        host.Options.GatewayUrl = host.Fake.WebSocketUrl + "/gateway";
        await host.ConnectAsync();

        Assert.Equal(4004, await host.Running!.WaitAsync(Eventually.Floor));
        Assert.Equal(1, host.Fake.Gateway.Connections);
        Assert.Contains(host.Log.Lines, line => line.StartsWith("Critical: Discord adapter stopped", StringComparison.Ordinal)
                                                && line.Contains("4004 authentication failed", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Log.Lines, line => line.Contains("not-the-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GatewayBot_401_StopsTheAdapterWithoutRetrying()
    {
        await using var host = await DiscordTestHost.StartAsync(configure: o => o.Token = "not-the-token");
        await host.ConnectAsync();

        Assert.Equal(4004, await host.Running!.WaitAsync(Eventually.Floor));
        Assert.Equal(0, host.Fake.Gateway.Connections);
        Assert.Contains(host.Log.Lines, line => line.Contains("401 Unauthorized: the bot token (Discord:Token) is wrong", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisallowedIntents_4014_StopsTheAdapter()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        await host.Fake.Gateway.CloseAsync(4014, "Disallowed intent(s).");

        Assert.Equal(4014, await host.Running!.WaitAsync(Eventually.Floor));
        Assert.Contains(host.Log.Lines, line => line.Contains("4014 disallowed intents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissedHeartbeatAck_ZombieConnection_IsDroppedAndResumed()
    {
        await using var host = await (await DiscordTestHost.StartAsync(new FakeDiscordOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50) })).ConnectAsync();

        host.Fake.Gateway.WithholdAcks = true;
        await Eventually.UntilAsync(() => host.Fake.Gateway.Resumes.Count >= 1, "the bot gave up on the zombie and resumed");
        host.Fake.Gateway.WithholdAcks = false;

        Assert.Single(host.Fake.Gateway.Identifies);
        Assert.Contains(host.Log.Lines, line => line.Contains("zombie", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Fake.Gateway.ClientCloseCodes, code => code is 1000 or 1001);
    }
}
