using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Hosting;

/// <summary>A bad setting stops `run` before anything starts: exit 2 and one line that names the key.</summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class RunOptionsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Theory]
    [InlineData("--Outbox:BatchSize=0", "Outbox:BatchSize")]
    [InlineData("--Outbox:Lease=00:00:01", "Outbox:Lease")]
    [InlineData("--Operations:MaxFeedLag=00:00:00", "Operations:MaxFeedLag")]
    [InlineData("--Telegram:PollTimeout=00:05:00", "Telegram:PollTimeout")]
    [InlineData("--Market:Source=kraken", "Market:Source")]
    [InlineData("--Market:ProbeTimeout=00:10:00", "Market:ProbeTimeout")]
    [InlineData("--Market:ReplaySpeed=fast", "Market:ReplaySpeed")]
    public async Task Run_SettingOutOfRange_StopsWithOneLineNamingTheKey(string setting, string key)
    {
        var run = await CliRun.Of(
            "run", "--replay", RepoPaths.Sample, $"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Telegram:Token=" + Fakes.Telegram.FakeTelegramServer.DefaultToken, setting);

        run.AssertBadInput(key);
    }

    public void Dispose() => _folder.Dispose();
}
