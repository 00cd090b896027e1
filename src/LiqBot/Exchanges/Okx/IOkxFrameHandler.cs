using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Okx;

/// <summary>Receives the records of decoded push frames, sizes already in base coin; <c>symbol</c> indexes the decoder's symbols.</summary>
internal interface IOkxFrameHandler
{
    void OnCandle(int symbol, in KlineRow candle, bool confirmed);

    void OnTrade(int symbol, in PublicTrade trade);

    void OnOpenInterest(int symbol, DateTimeOffset time, double openInterestUsd);

    void OnLiquidation(int symbol, in RealizedLiquidation liquidation);
}
