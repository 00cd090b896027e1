using System.Globalization;

namespace LiqBot.Fakes.Bybit;

/// <summary>Deterministic market history: the same time always gives the same price and open interest.</summary>
public static class FakeBybitHistory
{
    public static double Price(long unixMs) =>
        Math.Round(60_000 + (2_000 * Math.Sin(unixMs / 1.8e7)) + ((unixMs / 60_000 % 7) * 3), 1);

    /// <summary>Open interest in base coin (one side) at a 5-minute timestamp.</summary>
    public static double OpenInterest(long unixMs) => 50_000 + (unixMs / 300_000 % 97 * 10);

    public static string[] Kline(long openMs, int intervalMinutes)
    {
        var closeMs = openMs + (intervalMinutes * 60_000L);
        var open = Price(openMs);
        var close = Price(closeMs);
        var volume = 10.0 * intervalMinutes;
        return
        [
            S(openMs), S(open), S(Math.Max(open, close) + 5), S(Math.Min(open, close) - 5), S(close), S(volume), S(volume * (open + close) / 2),
        ];
    }

    private static string S(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);
}
