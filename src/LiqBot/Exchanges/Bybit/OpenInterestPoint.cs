namespace LiqBot.Exchanges.Bybit;

/// <summary>One open-interest reading from /v5/market/open-interest, in base coin (one side when Bybit says so).</summary>
internal readonly record struct OpenInterestPoint(DateTimeOffset Time, double OpenInterest);
