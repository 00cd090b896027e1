using LiqBot.Chat.Discord;

namespace LiqBot.Tests.Chat.Discord;

public sealed class DiscordCommandRegistrarTests
{
    private static readonly System.Text.Json.Nodes.JsonArray Body = DiscordCommandRegistrar.Build(new TestCommandRouter().Commands);

    [Fact]
    public void Build_Options_AreStringsWithTheirChoicesRequiredFirst()
    {
        var options = Body[0]!["options"]!.AsArray();

        Assert.Equal("liqmap", Body[0]!["name"]!.GetValue<string>());
        Assert.Equal(["symbol", "window"], options.Select(o => o!["name"]!.GetValue<string>()));
        Assert.All(options, o => Assert.Equal(3, o!["type"]!.GetValue<int>()));
        Assert.True(options[0]!["required"]!.GetValue<bool>());
        Assert.Null(options[0]!["choices"]);
        Assert.Equal(["12h", "24h", "3d", "7d", "30d"], options[1]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_AdminOnlyCommand_DefaultsToManageServerAsAString()
    {
        Assert.Null(Body[0]!["default_member_permissions"]);
        Assert.Equal("32", Body[1]!["default_member_permissions"]!.GetValue<string>());
    }
}
