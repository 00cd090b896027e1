namespace LiqBot.Exchanges;

/// <summary>One REST kline: volume in base coin, turnover in quote (USDT); taker buy turnover when the venue gives it.</summary>
internal readonly record struct KlineRow(DateTimeOffset OpenTime, double Open, double High, double Low, double Close, double Volume, double Turnover, double? TakerBuyTurnover = null);
