using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Benchmarks.Rendering;

/// <summary>Realistic-sized made-up inputs for the renderers: seeded, so every run draws the same picture.</summary>
internal static class SyntheticRenderInputs
{
    private const double Price = 91_230;
    private static readonly DateTimeOffset At = new(2026, 11, 21, 4, 30, 0, TimeSpan.Zero);

    /// <summary>A book of <paramref name="bins"/> bins by 5 tiers, filled by positions opened around the price.</summary>
    public static BookSnapshot Book(int bins = 600, double binSize = 50)
    {
        var tiers = ModelOptions.DefaultTiers;
        var firstBinLow = Price - (bins / 2 * binSize);
        var longs = tiers.Select(_ => new double[bins]).ToArray();
        var shorts = tiers.Select(_ => new double[bins]).ToArray();
        var random = new Random(7);
        for (var position = 0; position < 4000; position++)
        {
            var entry = Price * (1 + (0.02 * Gaussian(random)));
            var notional = 2e5 * Math.Exp(1.2 * Gaussian(random));
            for (var tier = 0; tier < tiers.Count; tier++)
            {
                var leverage = tiers[tier].Leverage;
                Add(longs[tier], entry * (1 - (1 / leverage) + 0.005), notional * tiers[tier].Weight, firstBinLow, binSize, Price, below: true);
                Add(shorts[tier], entry * (1 + (1 / leverage) - 0.005), notional * tiers[tier].Weight, firstBinLow, binSize, Price, below: false);
            }
        }

        return new BookSnapshot("BTCUSDT", At, Price, TimeWindow.H24, binSize, firstBinLow, tiers, longs, shorts, "synthetic");
    }

    public static IReadOnlyList<Zone> Zones() =>
    [
        new(PositionSide.Long, 88_000, 89_000, 412e6, -2.4),
        new(PositionSide.Long, 90_100, 90_400, 160e6, -1.1),
        new(PositionSide.Short, 94_000, 96_000, 380e6, 3.1),
        new(PositionSide.Short, 92_000, 92_300, 120e6, 0.9),
    ];

    /// <summary>A 7-day heatmap of <paramref name="columns"/> x <paramref name="rows"/> cells with about 2,000 realized liquidations.</summary>
    public static HeatmapSnapshot Heatmap(int columns = 400, int rows = 600, double binSize = 100)
    {
        var random = new Random(11);
        var window = TimeWindow.D7;
        var columnSpan = window.Span / columns;
        var from = At - window.Span;
        var priceLow = Price - (rows / 2 * binSize);
        var state = new float[rows];
        var result = new List<HeatmapColumn>(columns);
        var realized = new List<RealizedLiquidation>();
        var close = Price;
        for (var c = 0; c < columns; c++)
        {
            var open = close;
            close = open * (1 + (0.004 * Gaussian(random)));
            var high = Math.Max(open, close) * (1 + (0.002 * random.NextDouble()));
            var low = Math.Min(open, close) * (1 - (0.002 * random.NextDouble()));
            for (var r = 0; r < rows; r++)
            {
                var mid = priceLow + ((r + 0.5) * binSize);
                state[r] = mid >= low && mid <= high ? 0 : state[r] * 0.996f;
            }

            foreach (var tier in ModelOptions.DefaultTiers)
            {
                var notional = (float)(3e6 * tier.Weight * Math.Exp(0.8 * Gaussian(random)));
                AddCell(state, close * (1 - (1 / tier.Leverage) + 0.005), notional, priceLow, binSize);
                AddCell(state, close * (1 + (1 / tier.Leverage) - 0.005), notional, priceLow, binSize);
            }

            var start = from + (columnSpan * c);
            result.Add(new HeatmapColumn(start, start + columnSpan, high, low, close, (float[])state.Clone()));
            for (var d = 0; d < 5; d++)
            {
                var side = random.NextDouble() < 0.5 ? PositionSide.Long : PositionSide.Short;
                var price = side == PositionSide.Long ? low + ((high - low) * 0.2 * random.NextDouble()) : high - ((high - low) * 0.2 * random.NextDouble());
                realized.Add(new RealizedLiquidation(start + (columnSpan * random.NextDouble()), side, price, 40_000 * Math.Exp(1.3 * Gaussian(random))));
            }
        }

        return new HeatmapSnapshot("BTCUSDT", window, from, At, priceLow, binSize, rows, result, realized, "synthetic");
    }

    private static void Add(double[] bins, double level, double notional, double firstBinLow, double binSize, double price, bool below)
    {
        var bin = (int)Math.Floor((level - firstBinLow) / binSize);
        if (bin >= 0 && bin < bins.Length && (below ? level < price : level > price))
        {
            bins[bin] += notional;
        }
    }

    private static void AddCell(float[] state, double level, float notional, double priceLow, double binSize)
    {
        var row = (int)Math.Floor((level - priceLow) / binSize);
        if (row >= 0 && row < state.Length)
        {
            state[row] += notional;
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
