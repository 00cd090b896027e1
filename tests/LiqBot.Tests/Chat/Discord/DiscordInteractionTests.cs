using LiqBot.Fakes.Discord;
using LiqBot.Storage;

using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Discord;

public sealed class DiscordInteractionTests
{
    private static readonly Dictionary<string, string> Btc = new() { ["symbol"] = "btc" };

    [Fact]
    public async Task Liqmap_RenderHeld_IsDeferredFirstThenAnsweredWithTheImage()
    {
        // The render cannot finish until the interaction was acknowledged: only a deferral gets there.
        await using var host = await DiscordTestHost.StartAsync();
        await host.ConnectAsync();
        var render = new TaskCompletionSource();
        host.Router.RenderGate = render.Task;

        var interaction = await host.Fake.Gateway.DispatchInteractionAsync(new FakeInteractionRequest("liqmap", Btc));
        await Eventually.UntilAsync(() => interaction.AcknowledgeLatency is not null, "the deferral");
        Assert.Empty(interaction.FollowUps);
        render.SetResult();
        await Eventually.UntilAsync(() => interaction.FollowUps.Count > 0, "the follow-up arrived");

        Assert.Equal(5, interaction.ResponseType);
        Assert.Equal(0, interaction.ResponseFlags);
        Assert.Equal(0, interaction.LateCallbacks);
        var followUp = Assert.Single(interaction.FollowUps);
        Assert.True(followUp.IsMultipart);
        Assert.Equal(TestCommandRouter.ImageName, followUp.FileName);
        Assert.Equal(TestCommandRouter.Png, followUp.Png);
        Assert.Equal("attachment://" + TestCommandRouter.ImageName, followUp.EmbedImageUrl);
        Assert.Equal(TestCommandRouter.Brief, followUp.EmbedDescription);
        Assert.Equal(0, followUp.Flags);
        Assert.False(interaction.FirstFollowUpEphemeral);
        Assert.False(interaction.OriginalDeleted);
        var request = Assert.Single(host.Router.Requests);
        Assert.Equal(new ChatAddress(ChatPlatforms.Discord, "645027906669510667"), request.Chat);
        Assert.Equal("53908232506183680", request.UserId);
        Assert.Equal(["btc"], request.Arguments);
    }

    [Fact]
    public async Task Liqmap_OptionsInAnyOrder_ReachTheRouterInTheDescriptorsOrder()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        var options = new Dictionary<string, string> { ["window"] = "24h", ["symbol"] = "eth" };
        var interaction = await host.Fake.Gateway.DispatchInteractionAsync(new FakeInteractionRequest("liqmap", options));
        await Eventually.UntilAsync(() => interaction.FollowUps.Count > 0, "the follow-up arrived");

        Assert.Equal(["eth", "24h"], Assert.Single(host.Router.Requests).Arguments);
    }

    [Fact]
    public async Task Config_MemberWithoutManageServer_IsRefusedEphemerally()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        var interaction = await host.Fake.Gateway.DispatchInteractionAsync(new FakeInteractionRequest("config"));
        await Eventually.UntilAsync(() => interaction.FollowUps.Count > 0, "the follow-up arrived");

        Assert.Equal(5, interaction.ResponseType);
        Assert.Equal(64, interaction.ResponseFlags);
        var followUp = Assert.Single(interaction.FollowUps);
        Assert.Equal(64, followUp.Flags);
        Assert.Equal("Only chat admins may change settings.", followUp.Content);
        Assert.True(interaction.FirstFollowUpEphemeral);
    }

    [Theory]
    [InlineData(FakeInteractionRequest.ManageServerPermissions, null, "290926798626357999")]
    [InlineData("8", null, "290926798626357999")]
    [InlineData(FakeInteractionRequest.EverydayPermissions, "539082325061836999", "290926798626357999")]
    [InlineData(FakeInteractionRequest.EverydayPermissions, null, null)]
    public async Task Config_ManageServerAdministratorAdminRoleOrDm_IsAccepted(string permissions, string? role, string? guild)
    {
        await using var host = await (await DiscordTestHost.StartAsync(configure: o => o.AdminRoleIds.Add("539082325061836999"))).ConnectAsync();

        var request = new FakeInteractionRequest("config") { Permissions = permissions, Roles = role is null ? [] : [role], GuildId = guild };
        var interaction = await host.Fake.Gateway.DispatchInteractionAsync(request);
        await Eventually.UntilAsync(() => interaction.FollowUps.Count > 0, "the follow-up arrived");

        Assert.Equal("Saved.", Assert.Single(interaction.FollowUps).Content);
    }

    [Fact]
    public async Task Liqmap_RouterThrows_UserGetsAnEphemeralErrorAndTheLogSaysWhy()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();
        host.Router.Throw = true;

        var interaction = await host.Fake.Gateway.DispatchInteractionAsync(new FakeInteractionRequest("liqmap", Btc));
        await Eventually.UntilAsync(() => interaction.FollowUps.Count > 0, "the follow-up arrived");

        var followUp = Assert.Single(interaction.FollowUps);
        Assert.Equal(64, followUp.Flags);
        Assert.False(followUp.IsMultipart);
        Assert.True(interaction.OriginalDeleted);
        Assert.True(interaction.FirstFollowUpEphemeral);
        Assert.Contains(host.Log.Lines, line => line.Contains("/liqmap: the router failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_RegistersTheRoutersCommandsGloballyByBulkOverwrite()
    {
        await using var host = await (await DiscordTestHost.StartAsync()).ConnectAsync();

        await Eventually.UntilAsync(() => host.Fake.CommandRegistrations.Count > 0, "the commands were registered");

        var (route, body) = Assert.Single(host.Fake.CommandRegistrations);
        Assert.Equal("global", route);
        Assert.Contains("\"name\":\"liqmap\"", body, StringComparison.Ordinal);
        Assert.Contains("\"default_member_permissions\":\"32\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WithDevelopmentGuild_RegistersForThatGuildOnly()
    {
        await using var host = await (await DiscordTestHost.StartAsync(configure: o => o.DevelopmentGuildId = "290926798626357999")).ConnectAsync();

        await Eventually.UntilAsync(() => host.Fake.CommandRegistrations.Count > 0, "the commands were registered");

        Assert.Equal("290926798626357999", Assert.Single(host.Fake.CommandRegistrations).Route);
    }
}
