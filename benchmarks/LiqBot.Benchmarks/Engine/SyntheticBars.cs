using LiqBot.Engine.Market;

namespace LiqBot.Benchmarks.Engine;

/// <summary>A seeded random walk of BTC-like bars with open interest that rises and falls.</summary>
internal static class SyntheticBars
{
    public static Bar[] Generate(int count, TimeSpan duration, int seed = 42)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var price = 77_000.0;
        var openInterest = 7.8e9;
        var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var volatility = 0.0015 * Math.Sqrt(duration.TotalMinutes);
        for (var i = 0; i < count; i++)
        {
            var close = price * (1 + (Gaussian(random) * volatility));
            var high = Math.Max(price, close) * (1 + (Math.Abs(Gaussian(random)) * volatility * 0.5));
            var low = Math.Min(price, close) * (1 - (Math.Abs(Gaussian(random)) * volatility * 0.5));
            openInterest *= 1 + (Gaussian(random) * 0.002);
            bars[i] = new Bar(start + (duration * i), duration, price, high, low, close, openInterest, LiquidatedLongUsd: 1e5, LiquidatedShortUsd: 1e5);
            price = close;
        }

        return bars;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
