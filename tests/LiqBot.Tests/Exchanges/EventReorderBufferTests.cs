using LiqBot.Engine.Market;
using LiqBot.Exchanges;

namespace LiqBot.Tests.Exchanges;

public sealed class EventReorderBufferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_LateLiquidation_IsReleasedBeforeTheBarItsTradeClosed()
    {
        var buffer = new EventReorderBuffer(TimeSpan.FromSeconds(1));
        var released = new List<MarketEvent>();
        var bar = new BarClosed("BTCUSDT", new Bar(T0, TimeSpan.FromMinutes(1), 1, 1, 1, 1, 1));
        var late = new LiquidationReported("BTCUSDT", new RealizedLiquidation(T0.AddSeconds(59.8), PositionSide.Long, 1, 1));

        buffer.Add(bar, released);
        buffer.Add(late, released);
        Assert.Empty(released);

        buffer.Add(new PriceTicked("BTCUSDT", T0.AddSeconds(61), 1), released);
        Assert.Equal([late, bar], released);
        Assert.Equal(1, buffer.Count);

        buffer.Flush(released);
        Assert.Equal(3, released.Count);
        Assert.True(released.Zip(released.Skip(1)).All(p => p.First.Time <= p.Second.Time));
    }

    [Fact]
    public void Add_EqualTimes_KeepArrivalOrder()
    {
        var buffer = new EventReorderBuffer(TimeSpan.Zero);
        var released = new List<MarketEvent>();
        var a = new PriceTicked("X", T0, 1);
        var b = new PriceTicked("X", T0, 2);

        buffer.Add(a, released);
        buffer.Add(b, released);

        Assert.Equal([a, b], released);
    }
}
