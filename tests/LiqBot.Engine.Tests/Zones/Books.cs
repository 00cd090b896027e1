using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Zones;

/// <summary>Hand-made book snapshots: one tier, $100 bins from 80,000, notional placed bin by bin.</summary>
internal static class Books
{
    public const double FirstBinLow = 80_000;
    public const double BinSize = 100;

    public static BookSnapshot With(double price, IReadOnlyDictionary<double, double> longs, IReadOnlyDictionary<double, double> shorts, int bins = 400)
    {
        var longBins = new double[bins];
        var shortBins = new double[bins];
        foreach (var (level, usd) in longs)
        {
            longBins[(int)((level - FirstBinLow) / BinSize)] += usd;
        }

        foreach (var (level, usd) in shorts)
        {
            shortBins[(int)((level - FirstBinLow) / BinSize)] += usd;
        }

        return new BookSnapshot("BTCUSDT", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), price, TimeWindow.H24, BinSize, FirstBinLow, [new LeverageTier(10, 1)], [longBins], [shortBins], "test");
    }

    /// <summary>A flat background of 1M per bin on both sides of price, with extra notional on chosen bins.</summary>
    public static BookSnapshot Background(double price, IReadOnlyDictionary<double, double> extraLongs, IReadOnlyDictionary<double, double> extraShorts)
    {
        var longs = new Dictionary<double, double>(extraLongs);
        var shorts = new Dictionary<double, double>(extraShorts);
        for (var level = FirstBinLow; level < FirstBinLow + (400 * BinSize); level += BinSize)
        {
            var side = level + BinSize <= price ? longs : shorts;
            side[level] = side.GetValueOrDefault(level) + 1_000_000;
        }

        return With(price, longs, shorts);
    }
}
