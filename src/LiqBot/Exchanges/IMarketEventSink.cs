using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>Where a venue's feed processor puts what it derives; the sink decides whether to allocate events.</summary>
internal interface IMarketEventSink
{
    /// <summary>The first whole minute of this connection began: bars before it come from REST.</summary>
    void OnLiveStart(int symbol, DateTimeOffset liveStart);

    void OnBar(int symbol, in Bar bar);

    void OnLiquidation(int symbol, in RealizedLiquidation liquidation);

    void OnPrice(int symbol, DateTimeOffset time, double price);
}
