using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Risk;

/// <summary>
/// Sums a book snapshot along the path from its price to a liquidation level. A bin counts when its
/// middle lies on the path (between the level and the price), so a bin straddling the level counts once.
/// </summary>
public static class LiquidationPath
{
    public static PathSummary Measure(BookSnapshot book, PositionSide side, double liquidationPrice, ZoneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        options ??= new ZoneOptions();
        if (book.IsEmpty)
        {
            return new PathSummary(0, null, null);
        }

        var (low, high) = side == PositionSide.Long
            ? (Math.Min(liquidationPrice, book.Price), book.Price)
            : (book.Price, Math.Max(liquidationPrice, book.Price));
        var zones = ZoneFinder.FindAll(book, options with { MaxDistancePct = Math.Max(options.MaxDistancePct, (high - low) / book.Price * 100.0) });

        Zone? densest = null;
        foreach (var zone in zones.Where(z => z.Side == side && z.High > low && z.Low < high))
        {
            var clipped = Clip(book, zone, low, high);
            if (clipped.NotionalUsd > 0 && (densest is null || clipped.NotionalUsd > densest.NotionalUsd))
            {
                densest = clipped;
            }
        }

        var opposite = side == PositionSide.Long ? PositionSide.Short : PositionSide.Long;
        var nearest = zones.Where(z => z.Side == opposite && z.NotionalUsd >= options.MinNotionalUsd)
            .OrderBy(z => Math.Abs(z.DistancePct))
            .FirstOrDefault();
        return new PathSummary(Between(book, side, low, high), densest, nearest);
    }

    /// <summary>The side's estimated notional in bins whose middle lies in [low, high).</summary>
    public static double Between(BookSnapshot book, PositionSide side, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(book);
        var sum = 0.0;
        var first = Math.Max(0, (int)Math.Floor(((low - book.FirstBinLow) / book.BinSize) - 0.5));
        for (var bin = first; bin < book.BinCount; bin++)
        {
            var mid = book.BinMid(bin);
            if (mid >= high)
            {
                break;
            }

            if (mid >= low)
            {
                sum += book.Total(side, bin);
            }
        }

        return sum;
    }

    private static Zone Clip(BookSnapshot book, Zone zone, double low, double high)
    {
        var clippedLow = Math.Max(zone.Low, low);
        var clippedHigh = Math.Min(zone.High, high);
        var nearest = zone.Side == PositionSide.Long ? clippedHigh : clippedLow;
        return new Zone(zone.Side, clippedLow, clippedHigh, Between(book, zone.Side, clippedLow, clippedHigh), (nearest - book.Price) / book.Price * 100.0);
    }
}
