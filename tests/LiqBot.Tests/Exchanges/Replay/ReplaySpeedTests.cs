using LiqBot.Engine.Market;
using LiqBot.Exchanges.Replay;
using LiqBot.Fakes.Bybit;
using LiqBot.Tests.Exchanges.Bybit;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Exchanges.Replay;

public sealed class ReplaySpeedTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"liqbot-speed-{Guid.NewGuid():N}.jsonl.gz");

    [Fact]
    public async Task Replay_SpeedTen_PacesFramesByReceiveTimeOverTen()
    {
        const long t0 = 1_780_000_000_000;
        await using (var writer = new BybitFrameRecording(_path))
        {
            await writer.WriteAsync(t0, FakeBybitFrames.Liquidation("BTCUSDT", t0, true, 1, 100));
            await writer.WriteAsync(t0 + 10_000, FakeBybitFrames.Liquidation("BTCUSDT", t0 + 10_000, false, 1, 100));
        }

        var clock = new TimerCountingTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(t0));
        var events = new List<MarketEvent>();
        var replay = RecordingFile.OpenReplay(_path, speed: 10, clock)[0].Source;
        var run = Task.Run(async () =>
        {
            await foreach (var e in replay.StreamAsync(CancellationToken.None))
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });

        await SourceHarness.WaitUntilAsync(() => clock.PendingTimers == 1);
        lock (events)
        {
            Assert.Empty(events); // the first is still inside the reorder window
        }

        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([PositionSide.Long, PositionSide.Short], events.OfType<LiquidationReported>().Select(l => l.Liquidation.Side));
    }

    public void Dispose() => File.Delete(_path);
}
