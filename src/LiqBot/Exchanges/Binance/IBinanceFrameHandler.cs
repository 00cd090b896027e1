using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Binance;

/// <summary>Receives the records of decoded stream frames; <c>symbol</c> indexes the decoder's symbols.</summary>
internal interface IBinanceFrameHandler
{
    /// <summary>A kline update (about 4 a second); <paramref name="closed"/> is its x flag.</summary>
    void OnKline(int symbol, in KlineRow kline, bool closed);

    void OnTrade(int symbol, in PublicTrade trade);

    void OnMarkPrice(int symbol, DateTimeOffset time, double markPrice);

    void OnLiquidation(int symbol, in RealizedLiquidation liquidation);
}
