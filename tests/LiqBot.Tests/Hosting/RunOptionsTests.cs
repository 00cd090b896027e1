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
    [InlineData("--Market:FeedRestartBaseDelay=00:00:00", "Market:FeedRestartBaseDelay must be from ")]
    [InlineData("--Model:HalfLife=00:00:00", "Model:HalfLife")]
    [InlineData("--Model:MaintenanceMarginRate=0.7", "Model:MaintenanceMarginRate")]
    [InlineData("--Model:HeatmapColumns=5", "Model:HeatmapColumns")]
    [InlineData("--Model:BinSize=-5", "Model:BinSize")]
    [InlineData("--Model:AggressorExtraShare=2", "Model:AggressorExtraShare")]
    [InlineData("--Model:Tiers:0:Leverage=500", "Model:Tiers")]
    [InlineData("--Model:Tiers:0:Side=up", "Model:Tiers:0:Side")]
    public async Task Run_SettingOutOfRange_StopsWithOneLineNamingTheKey(string setting, string key)
    {
        var run = await CliRun.Of(
            "run", "--replay", RepoPaths.Sample, $"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Telegram:Token=" + Fakes.Telegram.FakeTelegramServer.DefaultToken, setting);

        run.AssertBadInput(key);
    }

    /// <summary>Venue sections are read when the venues are live; a bad one stops `run` before any connection.</summary>
    [Theory]
    [InlineData("--Bybit:RequestsPerWindow=601", "Bybit:RequestsPerWindow must be from 1 to 600.")]
    [InlineData("--Bybit:StreamUrl=https://stream.bybit.com", "Bybit:StreamUrl must be an absolute ws or wss URL.")]
    [InlineData("--Binance:ConnectionLifetime=2.00:00:00", "Binance:ConnectionLifetime must be from ")]
    [InlineData("--Binance:RestMaxRetries=21", "Binance:RestMaxRetries must be from 0 to 20.")]
    [InlineData("--Binance:RestUrl=fapi.binance.com", "Binance:RestUrl must be an absolute http or https URL.")]
    [InlineData("--Binance:ReconnectBaseDelay=00:05:00", "Binance:ReconnectBaseDelay must not exceed Binance:ReconnectMaxDelay.")]
    [InlineData("--Okx:WarmStart=00:00:00", "Okx:WarmStart must be from ")]
    [InlineData("--Okx:RequestsPerWindow=0", "Okx:RequestsPerWindow must be from 1 to 10000.")]
    [InlineData("--Okx:IdleTimeout=00:00:28", "Okx:IdleTimeout plus Okx:ReplyTimeout must stay under 30 seconds")]
    [InlineData("--Okx:PublicStreamUrl=nowhere", "Okx:PublicStreamUrl must be an absolute ws or wss URL.")]
    public async Task Run_VenueSettingOutOfRange_StopsWithOneLineNamingTheKey(string setting, string key)
    {
        var run = await CliRun.Of(
            "run", "--Market:Source=live", $"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Telegram:Token=" + Fakes.Telegram.FakeTelegramServer.DefaultToken, setting);

        run.AssertBadInput(key);
    }

    public void Dispose() => _folder.Dispose();
}
