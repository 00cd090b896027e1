using System.Text.Json;
using LiqBot.Exchanges.Replay;
using LiqBot.Fakes.Bybit;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Cli;

/// <summary>The data verbs take a recording as readily as a bar CSV: same decoder and aggregator as the live feed.</summary>
public sealed class RecordingDataFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Zones_OnARecording_BuildsTheMapFromItsMinuteBars()
    {
        var path = _folder.File("btc.jsonl.gz");
        await WriteRecordingAsync(path);

        var run = await CliRun.Of("zones", "--data", path, "--symbol", "BTCUSDT", "--window", "12h", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(100_050, json.RootElement.GetProperty("price").GetDouble());
        var zones = json.RootElement.GetProperty("zones").EnumerateArray().ToList();
        Assert.Contains(zones, z => z.GetProperty("side").GetString() == "long" && z.GetProperty("low").GetDouble() < 100_000);
        Assert.Contains(zones, z => z.GetProperty("side").GetString() == "short" && z.GetProperty("high").GetDouble() > 100_050);
    }

    [Fact]
    public async Task Render_OnARecording_WritesTheHeatmap()
    {
        var path = _folder.File("btc.jsonl.gz");
        await WriteRecordingAsync(path);

        var run = await CliRun.Of("render", "--data", path, "--kind", "heatmap", "--window", "12h", "--out", _folder.File("h.png"));

        Assert.Equal(0, run.ExitCode);
        Assert.True(new FileInfo(_folder.File("h.png")).Length > 1_000);
    }

    [Fact]
    public async Task AnOldBybitOnlyRecording_MadeByTheOldWriter_StillReplays()
    {
        // Written by `record` before recordings held every venue (version 1: raw Bybit frames, no header).
        var old = Path.Combine(RepoPaths.Root, "tests", "LiqBot.Tests", "Exchanges", "Replay", "Fixtures", "bybit-v1-btc-2026-05-28.jsonl.gz");
        var fresh = _folder.File("btc.jsonl.gz");
        await WriteRecordingAsync(fresh);

        var run = await CliRun.Of("zones", "--data", old, "--symbol", "btc", "--window", "12h", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((await CliRun.Of("zones", "--data", fresh, "--symbol", "btc", "--window", "12h", "--json")).Stdout.Replace("btc.jsonl.gz", "x", StringComparison.Ordinal), run.Stdout.Replace("bybit-v1-btc-2026-05-28.jsonl.gz", "x", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["bybit"], json.RootElement.GetProperty("venues").EnumerateArray().Select(v => v.GetString()));
        var (venue, source) = Assert.Single(RecordingFile.OpenReplay(old));
        Assert.Equal(LiqBot.Exchanges.Venue.Replay, venue);
        var bars = new List<LiqBot.Engine.Market.BarClosed>();
        await foreach (var e in source.StreamAsync(CancellationToken.None))
        {
            if (e is LiqBot.Engine.Market.BarClosed bar)
            {
                bars.Add(bar);
            }
        }

        Assert.Equal(9, bars.Count);
    }

    [Fact]
    public async Task ARecordingCutAnywhere_ExitsTwoWithOneLine()
    {
        var whole = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "tests", "LiqBot.Tests", "Exchanges", "Replay", "Fixtures", "bybit-v1-btc-2026-05-28.jsonl.gz"));
        for (var tenth = 1; tenth < 10; tenth++)
        {
            var cut = _folder.File($"cut-{tenth}.jsonl.gz");
            await File.WriteAllBytesAsync(cut, whole[..(whole.Length * tenth / 10)]);

            (await CliRun.Of("zones", "--data", cut)).AssertBadInput(cut);
        }

        await File.WriteAllBytesAsync(_folder.File("whole.jsonl.gz"), whole);
        Assert.Equal(0, (await CliRun.Of("zones", "--data", _folder.File("whole.jsonl.gz"))).ExitCode);
    }

    [Fact]
    public async Task Zones_OnATruncatedRecording_ExitsTwo()
    {
        var path = _folder.File("broken.jsonl.gz");
        await File.WriteAllBytesAsync(path, [0x1f, 0x8b, 0x08, 0x00, 0x01]);

        var run = await CliRun.Of("zones", "--data", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Ten minutes of trades at 100,000 with open interest rising every minute, and one liquidation.</summary>
    private static async Task WriteRecordingAsync(string path)
    {
        const long t0 = 1_780_000_020_000;
        await using var writer = new BybitFrameRecording(path);
        for (var minute = 0; minute <= 10; minute++)
        {
            var t = t0 + (minute * 60_000);
            var openInterest = 1_000 + (minute * 50.0);
            await writer.WriteAsync(t, FakeBybitFrames.TickerSnapshot("BTCUSDT", t, 100_000, openInterest, openInterest * 100_000));
            await writer.WriteAsync(t + 1_000, FakeBybitFrames.Trade("BTCUSDT", t + 1_000, true, 0.5, 100_000 + (minute % 2 * 50)));
            await writer.WriteAsync(t + 2_000, FakeBybitFrames.Trade("BTCUSDT", t + 2_000, false, 0.5, 100_050));
        }

        await writer.WriteAsync(t0 + 3_000, FakeBybitFrames.Liquidation("BTCUSDT", t0 + 3_000, true, 2, 99_900));
    }
}
