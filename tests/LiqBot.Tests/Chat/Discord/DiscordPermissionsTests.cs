using LiqBot.Chat.Discord;

namespace LiqBot.Tests.Chat.Discord;

public sealed class DiscordPermissionsTests
{
    [Theory]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("2147483647", true)]
    [InlineData("2147534848", false)]
    [InlineData("36893488147419103232", false)]
    [InlineData("36893488147419103264", true)]
    [InlineData("", false)]
    [InlineData("-32", false)]
    public void IsAdmin_GuildMember_DecidedByAdministratorOrManageServerBits(string permissions, bool admin)
    {
        Assert.Equal(admin, DiscordPermissions.IsAdmin(Member(permissions, []), []));
    }

    [Fact]
    public void IsAdmin_MemberWithAConfiguredAdminRole_IsAdmin()
    {
        Assert.True(DiscordPermissions.IsAdmin(Member("0", ["111", "222"]), ["222"]));
        Assert.False(DiscordPermissions.IsAdmin(Member("0", ["111"]), ["222"]));
    }

    [Fact]
    public void IsAdmin_DirectMessage_UserAdministersTheirOwnChat()
    {
        Assert.True(DiscordPermissions.IsAdmin(Member("0", []) with { GuildId = null, MemberPermissions = null }, []));
    }

    private static DiscordInteraction Member(string permissions, IReadOnlyList<string> roles) =>
        new("1", "t", "2", 2, "config", new Dictionary<string, string>(), "3", "4", "5", permissions, roles);
}
