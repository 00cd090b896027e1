namespace LiqBot.Exchanges.Bybit;

/// <summary>One kline from /v5/market/kline: volume in base coin, turnover in quote (USDT).</summary>
internal readonly record struct KlineRow(DateTimeOffset OpenTime, double Open, double High, double Low, double Close, double Volume, double Turnover);
