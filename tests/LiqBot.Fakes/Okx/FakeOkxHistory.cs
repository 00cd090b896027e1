using System.Globalization;

namespace LiqBot.Fakes.Okx;

/// <summary>Deterministic OKX history for BTC-USDT-SWAP (ctVal 0.01): a wave around 60,000 and 7,000,000 contracts open.</summary>
public static class FakeOkxHistory
{
    public const double ContractValue = 0.01;

    public const double OpenContracts = 7_000_000;

    /// <summary>Rows of the rubik history OKX keeps.</summary>
    public const int OpenInterestRows = 1_440;

    public static double Price(long ms) => 60_000 + (400 * Math.Cos(ms / 3_600_000.0));

    /// <summary>[ts, o, h, l, c, vol (contracts), volCcy (BTC), volCcyQuote (USDT), confirm]: 1,000 contracts = 10 BTC.</summary>
    public static string[] Candle(long openMs, long stepMs)
    {
        var open = Price(openMs);
        var close = Price(openMs + stepMs);
        return [S(openMs), S(open), S(Math.Max(open, close) + 5), S(Math.Min(open, close) - 5), S(close), "1000", "10", S(10 * (open + close) / 2), "1"];
    }

    /// <summary>[ts, oi (contracts), oiCcy (BTC), oiUsd].</summary>
    public static string[] OpenInterest(long ms) => [S(ms), S(OpenContracts), S(OpenContracts * ContractValue), S(OpenInterestUsd(ms))];

    public static double OpenInterestUsd(long ms) => OpenContracts * ContractValue * Price(ms);

    private static string S(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
