using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Rendering.Tests;

/// <summary>Liquidation books made up for rendering tests: deterministic, no files.</summary>
internal static class SyntheticBooks
{
    public const double Price = 91_230;
    public static readonly DateTimeOffset At = new(2026, 11, 21, 4, 30, 0, TimeSpan.Zero);

    /// <summary>Positions opened around the price at every default tier, liquidating below (longs) and above (shorts).</summary>
    public static BookSnapshot Realistic(int bins = 1400, double binSize = 50, int seed = 7)
    {
        var tiers = ModelOptions.DefaultTiers;
        var firstBinLow = Price - (bins / 2 * binSize);
        var longs = Matrix(tiers.Count, bins);
        var shorts = Matrix(tiers.Count, bins);
        var random = new Random(seed);
        for (var position = 0; position < 4000; position++)
        {
            var entry = Price * (1 + (0.025 * Gaussian(random)));
            var notional = 2e5 * Math.Exp(1.2 * Gaussian(random));
            for (var tier = 0; tier < tiers.Count; tier++)
            {
                var leverage = tiers[tier].Leverage;
                Add(longs[tier], entry * (1 - (1 / leverage) + 0.005), notional * tiers[tier].Weight, firstBinLow, binSize, below: true);
                Add(shorts[tier], entry * (1 + (1 / leverage) - 0.005), notional * tiers[tier].Weight, firstBinLow, binSize, below: false);
            }
        }

        return new BookSnapshot("BTCUSDT", At, Price, TimeWindow.H24, binSize, firstBinLow, tiers, longs, shorts, "synthetic");
    }

    /// <summary>A realistic book with one long bin <paramref name="factor"/> times the largest other bin.</summary>
    public static BookSnapshot WithOutlier(double factor = 1000)
    {
        var book = Realistic();
        var totals = book.Totals(LiqBot.Engine.Market.PositionSide.Long);
        var target = (int)((Price * 0.985 - book.FirstBinLow) / book.BinSize);
        book.LongByTier[1][target] += totals.Max() * factor;
        return book;
    }

    public static BookSnapshot SingleBin()
    {
        var tiers = ModelOptions.DefaultTiers;
        var longs = Matrix(tiers.Count, 1);
        var shorts = Matrix(tiers.Count, 1);
        longs[2][0] = 5e6;
        return new BookSnapshot("BTCUSDT", At, Price, TimeWindow.H12, 50, Price - 500, tiers, longs, shorts, "synthetic");
    }

    public static BookSnapshot Empty() => BookSnapshot.Empty("BTCUSDT", At, TimeWindow.H24, ModelOptions.DefaultTiers, "synthetic");

    public static IReadOnlyList<Zone> Zones(BookSnapshot book) =>
    [
        new(LiqBot.Engine.Market.PositionSide.Long, 88_000, 89_000, 412e6, -2.4),
        new(LiqBot.Engine.Market.PositionSide.Long, 90_100, 90_400, 160e6, -1.1),
        new(LiqBot.Engine.Market.PositionSide.Short, 94_000, 96_000, 380e6, 3.1),
        new(LiqBot.Engine.Market.PositionSide.Short, 92_000, 92_300, 120e6, 0.9),
    ];

    private static void Add(double[] bins, double level, double notional, double firstBinLow, double binSize, bool below)
    {
        var bin = (int)Math.Floor((level - firstBinLow) / binSize);
        if (bin >= 0 && bin < bins.Length && (below ? level < Price : level > Price))
        {
            bins[bin] += notional;
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[][] Matrix(int rows, int columns) => Enumerable.Range(0, rows).Select(_ => new double[columns]).ToArray();
}
