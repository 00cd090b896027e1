namespace LiqBot.Exchanges.Binance;

/// <summary>A minute whose bar can be built once its open interest is read: its closing kline (null when that frame never came) and the mark price then.</summary>
internal readonly record struct ClosedKline(int Symbol, DateTimeOffset OpenTime, KlineRow? Kline, double? MarkPrice);
