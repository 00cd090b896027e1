using LiqBot.Cli;

namespace LiqBot.Tests.Exchanges.Replay;

public sealed class RecordVerbCliTests
{
    [Theory]
    [InlineData("record", "--symbol", "BTCUSDT", "--duration", "soon", "--out", "x.jsonl.gz")]
    [InlineData("record", "--duration", "5m", "--out", "x.jsonl.gz")]
    public async Task Record_BadUsage_ExitsTwoWithOneLine(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await LiqBotCli.RunAsync(args, stdout, stderr);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("liqbot: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists("x.jsonl.gz"));
    }
}
