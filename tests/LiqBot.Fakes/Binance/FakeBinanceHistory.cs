namespace LiqBot.Fakes.Binance;

/// <summary>Deterministic Binance history: a slow wave around 60,000 USDT and open interest around 80,000 BTC.</summary>
public static class FakeBinanceHistory
{
    public const double OpenInterestBtc = 80_000;

    public static double Price(long ms) => 60_000 + (500 * Math.Sin(ms / 3_600_000.0));

    /// <summary>Row of /fapi/v1/klines: [open, o, h, l, c, v, closeTime, q, n, V, Q, ignore]; 10 BTC traded, 6 of them taker buys.</summary>
    public static object[] Kline(long openMs, long stepMs)
    {
        var open = Price(openMs);
        var close = Price(openMs + stepMs);
        var mid = (open + close) / 2;
        return [openMs, S(open), S(Math.Max(open, close) + 10), S(Math.Min(open, close) - 10), S(close), "10.000", openMs + stepMs - 1, S(10 * mid), 1234, "6.000", S(6 * mid), "0"];
    }

    /// <summary>sumOpenInterestValue (USDT) at a 5-minute timestamp.</summary>
    public static double OpenInterestUsd(long ms) => OpenInterestBtc * Price(ms);

    private static string S(double value) => value.ToString("0.########", System.Globalization.CultureInfo.InvariantCulture);
}
