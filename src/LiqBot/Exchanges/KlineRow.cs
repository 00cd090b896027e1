using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>One kline: volume in base coin, turnover in quote (USDT); taker buy turnover when the venue gives it.</summary>
internal readonly record struct KlineRow(DateTimeOffset OpenTime, double Open, double High, double Low, double Close, double Volume, double Turnover, double? TakerBuyTurnover = null)
{
    /// <summary>The closed bar: VWAP = turnover / volume, taker sell = turnover - taker buy.</summary>
    public Bar ToBar(TimeSpan step, double openInterestUsd, double? liquidatedLongUsd = null, double? liquidatedShortUsd = null) =>
        new(OpenTime, step, Open, High, Low, Close, openInterestUsd,
            Vwap: Volume > 0 ? Turnover / Volume : null,
            TakerBuyUsd: TakerBuyTurnover,
            TakerSellUsd: Turnover - TakerBuyTurnover,
            LiquidatedLongUsd: liquidatedLongUsd,
            LiquidatedShortUsd: liquidatedShortUsd);
}
