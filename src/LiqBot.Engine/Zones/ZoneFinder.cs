using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Zones;

/// <summary>
/// Finds zones: runs of adjacent bins on one side whose notional stands out (at least a multiple
/// of the side's median non-empty bin), small gaps bridged, on bins of a round width near price.
/// </summary>
public static class ZoneFinder
{
    // Fewer non-empty bins than this (a young book: a few bars times five tiers) are no background to stand out from.
    private const int MinBinsForBackground = 10;

    /// <summary>The largest zones of each side (longs first), each side largest first.</summary>
    public static IReadOnlyList<Zone> Find(BookSnapshot book, ZoneOptions? options = null)
    {
        options ??= new ZoneOptions();
        var all = FindAll(book, options);
        return [.. Largest(all, PositionSide.Long, options), .. Largest(all, PositionSide.Short, options)];
    }

    /// <summary>Every zone of both sides, in price order, however small.</summary>
    public static IReadOnlyList<Zone> FindAll(BookSnapshot book, ZoneOptions options)
    {
        if (book.IsEmpty)
        {
            return [];
        }

        var ladder = ZoneLadder.From(book, options);
        return [.. Runs(ladder, ladder.Long, PositionSide.Long, book.Price, options), .. Runs(ladder, ladder.Short, PositionSide.Short, book.Price, options)];
    }

    private static IEnumerable<Zone> Largest(IReadOnlyList<Zone> zones, PositionSide side, ZoneOptions options) =>
        zones.Where(z => z.Side == side && z.NotionalUsd >= options.MinNotionalUsd)
            .OrderByDescending(z => z.NotionalUsd)
            .Take(options.MaxZonesPerSide);

    private static List<Zone> Runs(ZoneLadder ladder, double[] values, PositionSide side, double price, ZoneOptions options)
    {
        var threshold = DenseThreshold(values, options);
        var zones = new List<Zone>();
        int start = -1, lastDense = -1;
        for (var i = 0; i <= values.Length; i++)
        {
            var dense = i < values.Length && values[i] > 0 && values[i] >= threshold;
            if (dense)
            {
                start = start < 0 ? i : start;
                lastDense = i;
                continue;
            }

            if (start >= 0 && (i == values.Length || i - lastDense > options.GapBins))
            {
                zones.Add(ToZone(ladder, values, side, price, start, lastDense));
                start = -1;
            }
        }

        return zones;
    }

    private static Zone ToZone(ZoneLadder ladder, double[] values, PositionSide side, double price, int first, int last)
    {
        var notional = 0.0;
        for (var i = first; i <= last; i++)
        {
            notional += values[i];
        }

        // Edges are round, but never on the wrong side of price.
        var low = ladder.Low(first);
        var high = ladder.Low(last + 1);
        if (side == PositionSide.Long)
        {
            high = Math.Min(high, price);
        }
        else
        {
            low = Math.Max(low, price);
        }

        var nearest = side == PositionSide.Long ? high : low;
        return new Zone(side, low, high, notional, (nearest - price) / price * 100.0);
    }

    /// <summary>A multiple of the median non-empty bin; a side with only a few non-empty bins has no background, so each is dense.</summary>
    private static double DenseThreshold(double[] values, ZoneOptions options)
    {
        var nonZero = values.Where(v => v > 0).Order().ToArray();
        if (nonZero.Length < MinBinsForBackground)
        {
            return 0;
        }

        var mid = nonZero.Length / 2;
        var median = nonZero.Length % 2 == 1 ? nonZero[mid] : (nonZero[mid - 1] + nonZero[mid]) / 2.0;
        return options.DensityMultiple * median;
    }
}
