using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Backtest;

/// <summary>
/// Do zones attract price? At each day's open (00:00 UTC, after the warm-up) the largest zones of
/// the map are touched or not within the horizon (a long zone when a low reaches its top, a short
/// zone when a high reaches its bottom). The control is a band of the same width at the same
/// relative distance on the same side, placed at every other day's open of the same window: how
/// often price travels that far anyway. A magnet would be touched more often than its bands.
/// </summary>
internal static class ZoneTouchCheck
{
    public static (ZoneTouches Long, ZoneTouches Short)[] Run(IReadOnlyList<Bar> bars, ModelOptions options, DateTimeOffset split, BacktestOptions settings)
    {
        var opens = DayOpens(bars, options, settings);
        return
        [
            Score(opens.Where(o => o.Time < split).ToList()),
            Score(opens.Where(o => o.Time >= split).ToList()),
        ];
    }

    private static (ZoneTouches Long, ZoneTouches Short) Score(IReadOnlyList<DayOpen> opens) =>
        (Score(opens, PositionSide.Long), Score(opens, PositionSide.Short));

    /// <summary>Touch rate of the zones of one side against the mean touch rate of their bands on the other days.</summary>
    internal static ZoneTouches Score(IReadOnlyList<DayOpen> opens, PositionSide side)
    {
        int zones = 0, touched = 0;
        var bandRate = 0.0;
        foreach (var open in opens)
        {
            foreach (var zone in open.Zones.Where(z => z.Side == side))
            {
                zones++;
                touched += Touches(open, side, zone.Low, zone.High) ? 1 : 0;
                var others = opens.Where(o => !ReferenceEquals(o, open)).ToList();
                bandRate += others.Count == 0 ? double.NaN
                    : others.Count(o => Touches(o, side, o.Price * zone.Low / open.Price, o.Price * zone.High / open.Price)) / (double)others.Count;
            }
        }

        return zones == 0 ? new ZoneTouches(0, double.NaN, double.NaN) : new ZoneTouches(zones, touched / (double)zones, bandRate / zones);
    }

    private static bool Touches(DayOpen open, PositionSide side, double low, double high) =>
        side == PositionSide.Long ? open.LowestAhead <= high : open.HighestAhead >= low;

    /// <summary>The zones at each day's open whose whole horizon lies within the data, with the horizon's extremes.</summary>
    private static List<DayOpen> DayOpens(IReadOnlyList<Bar> bars, ModelOptions options, BacktestOptions settings)
    {
        var opens = new List<DayOpen>();
        if (bars.Count == 0)
        {
            return opens;
        }

        var book = new LiquidationBook("ZONES", options);
        book.ExpectHistoryUntil(DateTimeOffset.MaxValue);
        var warmUpEnd = bars[0].OpenTime + settings.WarmUp;
        var lastClose = bars[^1].CloseTime;
        for (var i = 0; i < bars.Count; i++)
        {
            var time = bars[i].OpenTime;
            if (i > 0 && time >= warmUpEnd && time.UtcTicks % TimeSpan.TicksPerDay == 0 && time + settings.ZoneHorizon <= lastClose)
            {
                var zones = ZoneFinder.Find(book.Snapshot(settings.ZoneWindow))
                    .OrderByDescending(z => z.NotionalUsd)
                    .Take(settings.ZonesPerDay)
                    .ToList();
                var ahead = bars.Skip(i).TakeWhile(b => b.OpenTime < time + settings.ZoneHorizon).ToList();
                opens.Add(new DayOpen(time, book.Price, zones, ahead.Min(b => b.Low), ahead.Max(b => b.High)));
            }

            book.Apply(bars[i]);
        }

        return opens;
    }
}
