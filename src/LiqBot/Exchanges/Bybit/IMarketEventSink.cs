using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Where <see cref="BybitFeedProcessor"/> puts what it derives; the sink decides whether to allocate events.</summary>
internal interface IMarketEventSink
{
    /// <summary>The first whole minute of this connection began: bars before it come from REST.</summary>
    void OnLiveStart(int symbol, DateTimeOffset liveStart);

    void OnBar(int symbol, in Bar bar);

    void OnLiquidation(int symbol, in RealizedLiquidation liquidation);

    void OnPrice(int symbol, DateTimeOffset time, double price);

    /// <summary>A ticker frame was merged (about 10 a second per symbol).</summary>
    void OnTicker(int symbol, TickerMerger ticker);
}
