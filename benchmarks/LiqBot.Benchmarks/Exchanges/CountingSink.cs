using LiqBot.Engine.Market;
using LiqBot.Exchanges;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>Counts processor output without allocating, so the benchmark measures decode and apply only.</summary>
internal sealed class CountingSink : IMarketEventSink
{
    public long Bars { get; private set; }

    public long Liquidations { get; private set; }

    public double Checksum { get; private set; }

    public void OnLiveStart(int symbol, DateTimeOffset liveStart)
    {
    }

    public void OnBar(int symbol, in Bar bar)
    {
        Bars++;
        Checksum += bar.Close;
    }

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation)
    {
        Liquidations++;
        Checksum += liquidation.NotionalUsd;
    }

    public void OnPrice(int symbol, DateTimeOffset time, double price) => Checksum += price;
}
