using System.CommandLine;
using LiqBot.Cli;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Replay;
using LiqBot.Fakes.Bybit;
using LiqBot.Tests.Exchanges.Bybit;
using Microsoft.Extensions.Configuration;

namespace LiqBot.Tests.Exchanges.Replay;

public sealed class RecordAndReplayTests : IDisposable
{
    private const string Btc = "BTCUSDT";
    private readonly string _dir = Directory.CreateTempSubdirectory("liqbot-rec-").FullName;

    [Fact]
    public async Task RecordVerb_ThenReplay_GivesTheSameBarsAsTheLiveSource()
    {
        await using var h = await SourceHarness.CreateAsync();
        h.Start(Btc);
        await SourceHarness.WaitUntilAsync(() => h.Source!.Status.IsLive);
        var path = Path.Combine(_dir, "btc.jsonl.gz");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bybit:StreamUrl"] = h.Fake.StreamUrl.ToString() }).Build();
        using var stdout = new StringWriter();
        var root = new RootCommand { RecordVerb.Create(stdout, configuration) };
        var recording = root.Parse(["record", "--symbol", "btcusdt", "--duration", "4s", "--out", path]).InvokeAsync();
        await SourceHarness.WaitUntilAsync(() => h.Fake.Subscriptions.Count >= 2);

        var m0 = (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 60_000 * 60_000) + 60_000;
        await h.Fake.PushAsync(FakeBybitFrames.TickerSnapshot(Btc, m0 + 500, 60_000, 1_000, 60_000_000));
        for (var i = 0; i < 5 * 60; i += 7)
        {
            await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + (i * 1_000), i % 2 == 0, 0.1 + (i % 5), 60_000 + (i % 13)));
            if (i % 3 == 0)
            {
                await h.Fake.PushAsync(FakeBybitFrames.Liquidation(Btc, m0 + (i * 1_000) + 1, i % 2 == 1, 0.5, 59_000));
                await h.Fake.PushAsync(FakeBybitFrames.TickerDelta(Btc, m0 + (i * 1_000) + 2, ("openInterestValue", (60_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        await h.Fake.PushAsync(FakeBybitFrames.Trade(Btc, m0 + 301_000, true, 1, 60_000));
        Assert.Equal(0, await recording);
        Assert.StartsWith("recorded ", stdout.ToString(), StringComparison.Ordinal);
        await SourceHarness.WaitUntilAsync(() => h.Bars().Any(b => b.OpenTime.ToUnixTimeMilliseconds() == m0 + 240_000));

        var live = h.Bars().Where(b => b.TakerBuyUsd is not null).ToList();
        Assert.True(RecordingFile.IsRecording(path));
        var replay = RecordingFile.OpenReplay(path);
        var replayed = new List<MarketEvent>();
        await foreach (var e in replay.StreamAsync(CancellationToken.None))
        {
            replayed.Add(e);
        }

        var replayedBars = replayed.OfType<BarClosed>().Select(b => b.Bar).ToList();
        Assert.Equal(4, live.Count);
        Assert.Equal(live, replayedBars);
        Assert.Equal(
            h.Events.OfType<LiquidationReported>().Select(l => l.Liquidation),
            replayed.OfType<LiquidationReported>().Select(l => l.Liquidation));
        Assert.Equal(FeedState.Ended, replay.Status.State);
    }

    [Fact]
    public void IsRecording_ByNameOrGzipMagic()
    {
        var csv = Path.Combine(_dir, "bars.csv");
        File.WriteAllText(csv, "timestamp,open\n");
        var gz = Path.Combine(_dir, "noext.bin");
        File.WriteAllBytes(gz, [0x1f, 0x8b, 8, 0]);

        Assert.False(RecordingFile.IsRecording(csv));
        Assert.True(RecordingFile.IsRecording(gz));
        Assert.True(RecordingFile.IsRecording("missing.jsonl.gz"));
    }

    [Theory]
    [InlineData("max", null)]
    [InlineData("10", 10.0)]
    [InlineData("0.5", 0.5)]
    public void ParseSpeed_MaxOrPositiveFactor(string text, double? expected) => Assert.Equal(expected, RecordingFile.ParseSpeed(text));

    [Fact]
    public void ParseDuration_BadText_IsAUsageError() => Assert.Throws<UsageException>(() => RecordVerb.ParseDuration("soon"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
