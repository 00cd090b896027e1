using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Rendering;

/// <summary>
/// The display bars of a liquidation map: the book's bins over a band around price that holds most
/// of the notional, merged into wider bars when there are more bins than the width can show.
/// Display boundaries are aligned to the bin holding the price, so no bar straddles two sides needlessly.
/// </summary>
internal sealed class MapBars
{
    private const double CoveredShare = 0.95;
    private const double MinHalfSpanOfPrice = 0.01;
    private const double MaxHalfSpanOfPrice = 0.5;
    private const double MinPixelsPerBar = 4;

    private MapBars(double low, double width, int tiers, int count, int priceBar)
    {
        Low = low;
        BarWidth = width;
        Count = count;
        PriceBar = priceBar;
        LongByTier = NewMatrix(tiers, count);
        ShortByTier = NewMatrix(tiers, count);
        LongTotals = new double[count];
        ShortTotals = new double[count];
    }

    /// <summary>Price at the left edge of the first bar.</summary>
    public double Low { get; }

    public double High => Low + (Count * BarWidth);

    public double BarWidth { get; }

    public int Count { get; }

    /// <summary>Index of the bar that holds the current price.</summary>
    public int PriceBar { get; }

    public double[][] LongByTier { get; }

    public double[][] ShortByTier { get; }

    public double[] LongTotals { get; }

    public double[] ShortTotals { get; }

    public double BarLow(int bar) => Low + (bar * BarWidth);

    /// <param name="halfSpanPct">When set, the shown range is this % of price either side of it instead of the automatic band.</param>
    public static MapBars Build(BookSnapshot book, double plotWidthPixels, double? halfSpanPct = null)
    {
        var priceBin = (int)Math.Floor((book.Price - book.FirstBinLow) / book.BinSize);
        var halfSpan = halfSpanPct is { } pct ? Math.Max(book.Price * pct / 100.0, book.BinSize * 6) : HalfSpan(book, priceBin);
        var firstBin = (int)Math.Floor((book.Price - halfSpan - book.FirstBinLow) / book.BinSize);
        var lastBin = (int)Math.Ceiling((book.Price + halfSpan - book.FirstBinLow) / book.BinSize);

        var maxBars = Math.Max(8, (int)(plotWidthPixels / MinPixelsPerBar));
        var binsPerBar = Math.Max(1, (int)Math.Ceiling((lastBin - firstBin) / (double)maxBars));
        var barsBelow = (int)Math.Ceiling((priceBin - firstBin) / (double)binsPerBar);
        var barsFromPrice = (int)Math.Ceiling((lastBin - priceBin + 1) / (double)binsPerBar);
        var startBin = priceBin - (barsBelow * binsPerBar);

        var bars = new MapBars(book.BinLow(startBin), book.BinSize * binsPerBar, book.Tiers.Count, barsBelow + barsFromPrice, barsBelow);
        bars.Accumulate(book, startBin, binsPerBar);
        return bars;
    }

    private void Accumulate(BookSnapshot book, int startBin, int binsPerBar)
    {
        for (var bar = 0; bar < Count; bar++)
        {
            var from = Math.Max(0, startBin + (bar * binsPerBar));
            var to = Math.Min(book.BinCount, startBin + ((bar + 1) * binsPerBar));
            for (var tier = 0; tier < LongByTier.Length; tier++)
            {
                for (var bin = from; bin < to; bin++)
                {
                    LongByTier[tier][bar] += Positive(book.LongByTier[tier][bin]);
                    ShortByTier[tier][bar] += Positive(book.ShortByTier[tier][bin]);
                }

                LongTotals[bar] += LongByTier[tier][bar];
                ShortTotals[bar] += ShortByTier[tier][bar];
            }
        }
    }

    /// <summary>Half the shown range: far enough from price to hold most long notional below and short notional above.</summary>
    private static double HalfSpan(BookSnapshot book, int priceBin)
    {
        var longs = book.Totals(PositionSide.Long);
        var shorts = book.Totals(PositionSide.Short);
        var below = book.Price - EdgeOfCoverage(longs, priceBin, step: -1, book);
        var above = EdgeOfCoverage(shorts, priceBin, step: +1, book) - book.Price;
        var minimum = Math.Max(book.Price * MinHalfSpanOfPrice, book.BinSize * 6);
        var maximum = Math.Max(minimum, book.Price * MaxHalfSpanOfPrice);
        return Math.Clamp(Math.Max(below, above) * 1.05, minimum, maximum);
    }

    private static double EdgeOfCoverage(double[] totals, int priceBin, int step, BookSnapshot book)
    {
        var start = Math.Clamp(priceBin, 0, totals.Length - 1);
        var sideTotal = 0.0;
        for (var bin = start; bin >= 0 && bin < totals.Length; bin += step)
        {
            sideTotal += Positive(totals[bin]);
        }

        var running = 0.0;
        for (var bin = start; bin >= 0 && bin < totals.Length; bin += step)
        {
            running += Positive(totals[bin]);
            if (running >= sideTotal * CoveredShare && sideTotal > 0)
            {
                return step < 0 ? book.BinLow(bin) : book.BinLow(bin + 1);
            }
        }

        return book.Price;
    }

    private static double Positive(double value) => value > 0 && double.IsFinite(value) ? value : 0;

    private static double[][] NewMatrix(int rows, int columns)
    {
        var matrix = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            matrix[i] = new double[columns];
        }

        return matrix;
    }
}
