namespace LiqBot.Exchanges.Bybit;

/// <summary>The ticker fields the bot keeps; the rest of a ticker frame is skipped.</summary>
internal enum TickerField
{
    LastPrice,
    MarkPrice,
    OpenInterest,
    OpenInterestValue,
    SingleOpenInterestValue,
    FundingRate,
}
