using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Receives the records of decoded data frames; <c>symbol</c> indexes <see cref="BybitFrameDecoder.Symbols"/>.</summary>
internal interface IBybitFrameHandler
{
    void OnTrade(int symbol, in PublicTrade trade);

    void OnLiquidation(int symbol, in RealizedLiquidation liquidation);

    void OnTickerStart(int symbol, bool snapshot);

    /// <summary>A field present in the frame; null when Bybit sent an empty string.</summary>
    void OnTickerField(int symbol, TickerField field, double? value);

    void OnTickerEnd(int symbol, DateTimeOffset time);
}
