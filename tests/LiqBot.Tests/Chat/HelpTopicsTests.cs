namespace LiqBot.Tests.Chat;

/// <summary>/help &lt;command&gt; gives the arguments and an example; /help map explains the map in five lines.</summary>
public sealed class HelpTopicsTests : IDisposable
{
    private readonly RouterHarness _bot = new();

    [Fact]
    public async Task HelpRisk_GivesEveryArgumentWithItsBoundsAndAnExample()
    {
        var reply = await _bot.Ask("/help risk");

        Assert.False(reply.IsError);
        Assert.StartsWith("/risk <symbol> <side> <leverage> <entry> [size] [venue] - ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n  side: long or short (long, short)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n  leverage: Leverage, e.g. 20 (isolated margin) (1 to 125)", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nExample: /risk btc long 20x 64000, /risk eth short 10 3150 25k okx", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpForEveryCommand_HasAnExampleThatTheRouterAccepts()
    {
        foreach (var command in _bot.Router.Commands)
        {
            var reply = await _bot.Ask("/help " + command.Name);
            var example = reply.Text[(reply.Text.IndexOf("\nExample: ", StringComparison.Ordinal) + 10)..].Split(", ")[0];

            Assert.Contains("\nExample: /" + command.Name, reply.Text, StringComparison.Ordinal);
            var answer = (await _bot.Ask(example)).Text;
            Assert.False(answer.Contains("Usage:", StringComparison.Ordinal), example + " -> " + answer);
        }
    }

    [Fact]
    public async Task HelpMap_ExplainsTheMapInFiveLines()
    {
        var lines = (await _bot.Ask("/help map")).Text.Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.Contains("est. notional per price bin", lines[0], StringComparison.Ordinal);
        Assert.Contains("leverage tiers", lines[0], StringComparison.Ordinal);
        Assert.Contains("not orders and not a forecast", lines[1], StringComparison.Ordinal);
        Assert.Contains("cumulative", lines[2], StringComparison.Ordinal);
        Assert.Contains("Reported by the exchange", lines[3], StringComparison.Ordinal);
        Assert.Contains("README", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpUnknownTopic_OneLine()
    {
        var reply = await _bot.Ask("/help frobnicate");

        Assert.True(reply.IsError);
        Assert.Equal("No command /frobnicate. Try /help for the list, or /help map.", reply.Text);
    }

    public void Dispose() => _bot.Dispose();
}
