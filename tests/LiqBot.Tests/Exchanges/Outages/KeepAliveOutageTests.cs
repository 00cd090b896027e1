using LiqBot.Tests.Exchanges.Bybit;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Exchanges.Outages;

/// <summary>
/// A quiet market over a real socket to the fake Bybit: no data frame after the subscribe ack, only the answer
/// to the keep-alive ping. When the socket is then cut, the outage starts at that pong (the last sign of life),
/// not at the last data frame minutes earlier.
/// </summary>
public sealed class KeepAliveOutageTests
{
    [Fact]
    public async Task QuietMarket_CutSocket_OutageStartsAtTheLastPong()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var h = await SourceHarness.CreateAsync(o =>
        {
            // A long pong timeout: the test moves the clock a second at a time until the ping reaches the fake.
            o.PingInterval = TimeSpan.FromMinutes(10);
            o.PongTimeout = TimeSpan.FromMinutes(9);
        });
        h.StartOn(time);
        await SourceHarness.WaitUntilAsync(() => h.Source?.Status.IsLive == true);
        var counters = h.Source!.Counters;
        var liveAt = time.GetUtcNow();
        var frames = counters.Frames;

        await Eventually.UntilAsync(
            () =>
            {
                if (h.Fake.Pings == 0)
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                }

                return counters.Frames > frames;
            },
            "the keep-alive ping was answered");
        var pongAt = counters.LastFrameAt(time.GetUtcNow())!.Value;
        Assert.True(pongAt - liveAt >= TimeSpan.FromMinutes(10), $"the pong came at {pongAt:O}, live at {liveAt:O}");

        time.Advance(TimeSpan.FromSeconds(30));
        h.Fake.DropConnections();
        await SourceHarness.WaitUntilAsync(() => counters.Outages.IsDown);

        var outage = counters.Outages.Current!.Value;
        Assert.False(outage.IsStart);
        Assert.Equal(pongAt, outage.From);
        Assert.Equal(0, counters.Malformed + counters.Unknown);
    }
}
