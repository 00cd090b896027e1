namespace LiqBot.Exchanges.Binance;

/// <summary>The payload event types we read (the "e" field); anything else is unknown.</summary>
internal enum BinanceEventKind
{
    Other,
    Kline,
    AggTrade,
    MarkPrice,
    ForceOrder,
}
