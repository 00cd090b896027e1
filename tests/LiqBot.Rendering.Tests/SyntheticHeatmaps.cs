using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Rendering.Tests;

/// <summary>Heatmaps made up for rendering tests: a random-walk price, positions opened along it, levels swept as price crosses them.</summary>
internal static class SyntheticHeatmaps
{
    public static readonly DateTimeOffset To = new(2026, 11, 21, 4, 30, 0, TimeSpan.Zero);

    public static HeatmapSnapshot Realistic(int columns = 400, int rows = 600, double binSize = 100, int dotsPerColumn = 5, int seed = 11)
    {
        var random = new Random(seed);
        var window = TimeWindow.D7;
        var columnSpan = window.Span / columns;
        var from = To - window.Span;
        var priceLow = 91_000 - (rows / 2 * binSize);
        var state = new float[rows];
        var result = new List<HeatmapColumn>(columns);
        var realized = new List<RealizedLiquidation>();
        var close = 91_000.0;
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
                Add(state, close * (1 - (1 / tier.Leverage) + 0.005), notional, priceLow, binSize);
                Add(state, close * (1 + (1 / tier.Leverage) - 0.005), notional, priceLow, binSize);
            }

            var start = from + (columnSpan * c);
            result.Add(new HeatmapColumn(start, start + columnSpan, high, low, close, (float[])state.Clone()));
            for (var d = 0; d < dotsPerColumn; d++)
            {
                var side = random.NextDouble() < 0.5 ? PositionSide.Long : PositionSide.Short;
                var price = side == PositionSide.Long ? low + ((high - low) * 0.2 * random.NextDouble()) : high - ((high - low) * 0.2 * random.NextDouble());
                realized.Add(new RealizedLiquidation(start + (columnSpan * random.NextDouble()), side, price, 40_000 * Math.Exp(1.3 * Gaussian(random))));
            }
        }

        return new HeatmapSnapshot("BTCUSDT", window, from, To, priceLow, binSize, rows, result, realized, "synthetic");
    }

    /// <summary>A realistic heatmap where one cell holds <paramref name="factor"/> times the largest other cell.</summary>
    public static HeatmapSnapshot WithOutlier(double factor = 1000)
    {
        var heatmap = Realistic();
        var max = heatmap.Columns.Max(c => c.Cells.Max());
        var last = heatmap.Columns[^1];
        var row = (int)((last.Close * 0.97 - heatmap.PriceLow) / heatmap.BinSize);
        last.Cells[row] = (float)(max * factor);
        return heatmap;
    }

    public static HeatmapSnapshot Empty() =>
        new("BTCUSDT", TimeWindow.H24, To - TimeWindow.H24.Span, To, 0, 0, 0, [], [], "synthetic");

    private static void Add(float[] state, double level, float notional, double priceLow, double binSize)
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
