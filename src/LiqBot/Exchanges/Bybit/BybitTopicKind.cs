namespace LiqBot.Exchanges.Bybit;

internal enum BybitTopicKind
{
    None,
    Trade,
    Liquidation,
    Ticker,
    Other,
}
