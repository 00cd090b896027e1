using LiqBot.Engine.Market;
using LiqBot.Exchanges.Replay;
using LiqBot.Fakes.Bybit;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Exchanges.Replay;

/// <summary>
/// A real `record` process against the fake Bybit, stopped with SIGINT (Ctrl+C) long before its duration: it
/// closes the gzip and says so, and the file replays with the liquidation it received.
/// </summary>
public sealed class RecordInterruptTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task CtrlC_DuringRecord_ClosesTheFile_WhichReplays()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        var path = _folder.File("stopped.jsonl.gz");
        using var record = BotProcess.Start(
            _folder.Path,
            new Dictionary<string, string>(),
            "record", "--symbol", "btc", "--duration", "2h", "--history", "30m", "--out", path,
            "--Market:Venues:0=bybit", $"--Bybit:RestUrl={bybit.RestUrl}", $"--Bybit:StreamUrl={bybit.StreamUrl}");
        await Eventually.UntilAsync(() => bybit.Subscriptions.Count > 0, "the recorder subscribed");

        // A liquidation, and a trade a minute later that moves the reorder window past it.
        var t = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() + 1_000;
        await bybit.PushAsync(FakeBybitFrames.Liquidation("BTCUSDT", t, longLiquidated: true, 2, 50_000));
        await bybit.PushAsync(FakeBybitFrames.Trade("BTCUSDT", t + 60_000, true, 1, 50_000));
        await Eventually.UntilAsync(() => record.Logged("liqbot: live from "), "the recorder said it records live");
        Assert.Contains(record.Errors, l => l.EndsWith(", recording 2h (Ctrl+C stops early and keeps the file)", StringComparison.Ordinal));

        Assert.Equal(0, await record.InterruptAndWaitAsync());

        var said = Assert.Single(record.Output);
        Assert.StartsWith($"recorded BTCUSDT to {path}: live events Bybit ", said, StringComparison.Ordinal);
        Assert.Matches(", stopped by Ctrl\\+C after \\d+[hms].* of 2h$", said);
        Assert.DoesNotContain(record.Errors, l => l.Contains("Exception", StringComparison.Ordinal));
        var replayed = new List<MarketEvent>();
        var (venue, source) = Assert.Single(MarketDataFile.OpenReplay(path, "BTCUSDT", speed: null, TimeProvider.System));
        await foreach (var e in source.StreamAsync(CancellationToken.None))
        {
            replayed.Add(e);
        }

        Assert.Equal("Bybit", venue.Name);
        Assert.Contains(replayed.OfType<BarClosed>(), b => b.Bar.CloseTime < DateTimeOffset.FromUnixTimeMilliseconds(t)); // the history
        Assert.Contains(replayed.OfType<LiquidationReported>(), l => l.Liquidation.Price == 50_000 && l.Liquidation.Time.ToUnixTimeMilliseconds() == t);
    }

    public void Dispose() => _folder.Dispose();
}
