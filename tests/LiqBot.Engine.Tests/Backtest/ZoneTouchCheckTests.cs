using LiqBot.Engine.Backtest;
using LiqBot.Engine.Market;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Tests.Backtest;

public sealed class ZoneTouchCheckTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Score_ComparesZonesWithBandsOfEqualWidthAndDistanceOnOtherDays()
    {
        // Day 0 (price 100): a long zone 95-96, -4.5 %; price dips to 95.5, so it is touched.
        // Its band on day 1 (price 200) is 190-192: the low 193 misses it; on day 2 (price 100) 95-96: the low 94 touches it.
        // Day 2 has a long zone 90-91 that the low 94 misses; its bands: day 0 90-91 missed (95.5), day 1 180-182 missed (193).
        DayOpen[] opens =
        [
            new(Day, 100, [new Zone(PositionSide.Long, 95, 96, 1e6, -4.5)], LowestAhead: 95.5, HighestAhead: 101),
            new(Day.AddDays(1), 200, [], LowestAhead: 193, HighestAhead: 201),
            new(Day.AddDays(2), 100, [new Zone(PositionSide.Long, 90, 91, 1e6, -9.5)], LowestAhead: 94, HighestAhead: 102),
        ];

        var touches = ZoneTouchCheck.Score(opens, PositionSide.Long);

        Assert.Equal(2, touches.Zones);
        Assert.Equal(0.5, touches.TouchRate, 12);
        Assert.Equal((0.5 + 0) / 2, touches.BandTouchRate, 12);
    }

    [Fact]
    public void Score_ShortZone_IsTouchedWhenAHighReachesItsBottom()
    {
        DayOpen[] opens =
        [
            new(Day, 100, [new Zone(PositionSide.Short, 103, 104, 1e6, 3.5)], LowestAhead: 99, HighestAhead: 103),
            new(Day.AddDays(1), 100, [], LowestAhead: 99, HighestAhead: 102.9),
        ];

        var touches = ZoneTouchCheck.Score(opens, PositionSide.Short);

        Assert.Equal(new ZoneTouches(1, 1, 0), touches);
    }

    [Fact]
    public void Score_NoZones_IsNaN() => Assert.True(double.IsNaN(ZoneTouchCheck.Score([], PositionSide.Long).TouchRate));
}
