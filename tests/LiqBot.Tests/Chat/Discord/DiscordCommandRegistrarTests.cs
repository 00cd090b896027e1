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

    [Fact]
    public void Build_Risk_SideIsAChoiceAndLeverageAndEntryAreBoundedNumbers()
    {
        using var bot = new RouterHarness();
        var risk = DiscordCommandRegistrar.Build(bot.Router.Commands).Single(c => c!["name"]!.GetValue<string>() == "risk")!;
        var options = risk["options"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!);

        Assert.Equal(["symbol", "side", "leverage", "entry", "size", "venue"], options.Keys);
        Assert.Equal(["long", "short"], options["side"]["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal((10, 1.0, 125.0), (options["leverage"]["type"]!.GetValue<int>(), options["leverage"]["min_value"]!.GetValue<double>(), options["leverage"]["max_value"]!.GetValue<double>()));
        Assert.Equal(10, options["entry"]["type"]!.GetValue<int>());
        Assert.True(options["entry"]["min_value"]!.GetValue<double>() > 0);
        Assert.Equal(3, options["size"]["type"]!.GetValue<int>());
        Assert.False(options["size"]["required"]!.GetValue<bool>());
    }
}
