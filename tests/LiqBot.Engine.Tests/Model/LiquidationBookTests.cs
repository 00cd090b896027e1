using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Model;

public sealed class LiquidationBookTests
{
    private static readonly ModelOptions Exact = ExactModel.Options;

    [Fact]
    public void Apply_OpenInterestIncrease_OpensLongAndShortAtTheirLiquidationPrices()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        book.Apply(Bars.At(0, 100_000, 5_000_000_000));
        book.Apply(Bars.At(1, 100_000, 5_001_000_000));

        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 90_500, 90_600), 0);
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Short, 109_500, 109_600), 0);
        Assert.Equal(0, book.NotionalBetween(PositionSide.Long, 91_000, 200_000));
        Assert.Equal(0, book.NotionalBetween(PositionSide.Short, 0, 109_000));
    }

    [Fact]
    public void NotionalBetween_BinEmptiedByAddAndSubtract_IsZeroLikeTheSnapshot()
    {
        // Two cohorts share each bin; liquidating both subtracts what was added, which in floating
        // point leaves crumbs (1e-15..1e-8 USD). Below one cent a bin is empty for every query, so a
        // ranking of predictions sees ties at zero instead of ordering noise.
        var book = new LiquidationBook("BTCUSDT", Exact with { HalfLife = TimeSpan.FromHours(5) });
        book.Apply(Bars.At(0, 100_000, 5_000_000_000));
        book.Apply(Bars.At(1, 100_000, 5_005_151_216));
        book.Apply(Bars.At(7, 100_000, 5_015_138_183));

        book.Apply(Bars.At(8, 100_000, 5_015_138_183, low: 90_000));

        Assert.Equal(0, book.NotionalBetween(PositionSide.Long, 0, 1_000_000));
        Assert.Equal(0, book.NotionalBetween(PositionSide.Long, 90_500, 90_550));
        Assert.All(book.Snapshot(TimeWindow.D30).LongByTier[0], v => Assert.Equal(0, v));
        Assert.True(book.NotionalBetween(PositionSide.Short, 0, 1_000_000) > 700_000);
    }

    [Fact]
    public void Apply_FirstBar_OnlySetsTheOpenInterestBaseline()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        book.Apply(Bars.At(0, 100_000, 5_000_000_000));

        Assert.Equal(0, book.NotionalBetween(PositionSide.Long, 0, 1_000_000));
        Assert.Equal(100, book.BinSize);
        Assert.Equal(100_000, book.Price);
    }

    [Fact]
    public void Apply_LowCrossesOneLevel_RemovesExactlyThatLevel()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { Tiers = [new(10, 0.5), new(25, 0.5)] });
        book.Apply(Bars.At(0, 100_000, 5_000_000_000));
        book.Apply(Bars.At(1, 100_000, 5_002_000_000)); // 1M per tier per side: longs at 90,500 and 96,500

        var outcome = book.Apply(Bars.At(2, 97_000, 5_002_000_000, low: 96_400, high: 97_000));

        Assert.Equal(1_000_000, outcome.SweptLongUsd, 0);
        Assert.Equal(0, outcome.SweptShortUsd);
        var swept = Assert.Single(outcome.Swept);
        Assert.Equal(96_500, swept.Price, 6);
        Assert.Equal(25, swept.Leverage);
        Assert.Equal(0, book.NotionalBetween(PositionSide.Long, 96_000, 97_000));
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 90_000, 91_000), 0);
    }

    [Fact]
    public void Apply_HighCrossesShortLevel_RemovesItAndLeavesLongs()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        book.Apply(Bars.At(0, 100_000, 5_000_000_000));
        book.Apply(Bars.At(1, 100_000, 5_001_000_000));

        var outcome = book.Apply(Bars.At(2, 109_000, 5_001_000_000, low: 100_000, high: 109_600));

        Assert.Equal(1_000_000, outcome.SweptShortUsd, 0);
        Assert.Equal(0, book.NotionalBetween(PositionSide.Short, 0, 1_000_000));
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 0, 1_000_000), 0);
    }

    [Fact]
    public void Apply_OpenInterestDropsTenPercent_RemovesTenPercentOfEveryLiveCohort()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { Tiers = [new(10, 0.5), new(50, 0.5)] });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_100_000_000)); // +100M: 50M per tier per side
        book.Apply(Bars.At(2, 100_000, 990_000_000)); // -10 %

        Assert.Equal(45_000_000, book.NotionalBetween(PositionSide.Long, 90_500, 90_600), 0);
        Assert.Equal(45_000_000, book.NotionalBetween(PositionSide.Long, 98_500, 98_600), 0);
        Assert.Equal(45_000_000, book.NotionalBetween(PositionSide.Short, 109_500, 109_600), 0);
        Assert.Equal(45_000_000, book.NotionalBetween(PositionSide.Short, 101_500, 101_600), 0);
    }

    [Fact]
    public void Apply_OneHalfLifeLater_HalvesTheNotional()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { HalfLife = TimeSpan.FromHours(1) });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_001_000_000));
        book.Apply(Bars.At(61, 100_000, 1_001_000_000));

        Assert.Equal(500_000, book.NotionalBetween(PositionSide.Long, 0, 100_000), 0);
    }

    [Fact]
    public void Snapshot_Window_ShowsOnlyCohortsOpenedWithinIt()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_001_000_000)); // opened at minute 2
        book.Apply(Bars.At(2 * 1440, 100_000, 1_001_000_000)); // two days later

        var day = book.Snapshot(TimeWindow.H24);
        var threeDays = book.Snapshot(TimeWindow.D3);

        Assert.Equal(0, day.Totals(PositionSide.Long).Sum());
        Assert.Equal(1_000_000, threeDays.Totals(PositionSide.Long).Sum(), tolerance: 5);
        Assert.Equal(1_000_000, threeDays.Totals(PositionSide.Short).Sum(), tolerance: 5);
    }

    [Fact]
    public void Snapshot_BinsAndTiers_PlaceNotionalAtTheLevel()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { Tiers = ModelOptions.DefaultTiers });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_100_000_000));

        var map = book.Snapshot(TimeWindow.H12, "test");
        var bin = (int)((90_500 - map.FirstBinLow) / map.BinSize);

        Assert.Equal(5, map.Tiers.Count);
        Assert.Equal(100_000_000 * 0.30, map.LongByTier[1][bin], 0);
        Assert.Equal(100_000_000, map.Totals(PositionSide.Long).Sum(), 0);
        Assert.Equal(100_000, map.Price);
        Assert.Equal("test", map.Source);
    }

    [Fact]
    public void Apply_BarNotAfterTheLast_IsIgnored()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_001_000_000));

        var outcome = book.Apply(Bars.At(1, 50_000, 9_000_000_000));

        Assert.True(outcome.Ignored);
        Assert.Equal(2, book.BarCount);
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 0, 100_000), 0);
    }

    [Fact]
    public void Apply_InvalidBar_ThrowsWithTheReason()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        var error = Assert.Throws<ArgumentException>(() => book.Apply(Bars.At(0, 100_000, 0)));
        Assert.Contains("open interest", error.Message);
    }

    [Fact]
    public void Apply_TakerImbalance_TiltsNewNotionalTowardTheAggressor()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { AggressorExtraShare = 0.5 });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_001_000_000) with { TakerBuyUsd = 300, TakerSellUsd = 100 });

        Assert.Equal(1_250_000, book.NotionalBetween(PositionSide.Long, 0, 100_000), 0);
        Assert.Equal(750_000, book.NotionalBetween(PositionSide.Short, 100_000, 200_000), 0);
    }

    [Fact]
    public void Heatmap_LongHistory_KeepsAboutFourHundredColumnsPerWindow()
    {
        var book = new LiquidationBook("BTCUSDT", new ModelOptions());
        for (var minute = 0; minute < 20_000; minute++)
        {
            var price = 100_000 + (1_000 * Math.Sin(minute / 300.0));
            book.Apply(Bars.At(minute, price, 1_000_000_000 + (minute * 10_000.0), low: price - 50, high: price + 50));
        }

        foreach (var window in TimeWindow.All)
        {
            var heatmap = book.Heatmap(window);
            Assert.InRange(heatmap.Columns.Count, 10, 401);
            Assert.All(heatmap.Columns, c => Assert.Equal(heatmap.Rows, c.Cells.Length));
            Assert.Contains(heatmap.Columns, c => c.Cells.Any(v => v > 0));
        }

        Assert.Equal(401, book.Heatmap(TimeWindow.H24).Columns.Count);
    }

    [Fact]
    public void Heatmap_FromBarsOnly_KeepsRealizedTotalsAsPoints()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        book.Apply(Bars.At(0, 100_000, 1_000_000_000, low: 99_000, high: 101_000, longLiquidated: 2_000_000, shortLiquidated: 500_000));

        var realized = book.Heatmap(TimeWindow.H12).Realized;

        Assert.Equal(2, realized.Count);
        Assert.Contains(realized, r => r is { Side: PositionSide.Long, Price: 99_000, NotionalUsd: 2_000_000 });
        Assert.Contains(realized, r => r is { Side: PositionSide.Short, Price: 101_000, NotionalUsd: 500_000 });
    }

    [Fact]
    public void Apply_StreamedLiquidations_AreNotCountedAgainFromTheBar()
    {
        var book = new LiquidationBook("BTCUSDT", Exact);
        book.Apply(new RealizedLiquidation(Bars.Start.AddSeconds(30), PositionSide.Long, 99_500, 2_000_000));
        book.Apply(Bars.At(0, 100_000, 1_000_000_000, low: 99_000, longLiquidated: 2_000_000));

        var (longUsd, shortUsd) = book.RealizedAfter(Bars.Start, Bars.Start.AddMinutes(1));

        Assert.Equal(2_000_000, longUsd);
        Assert.Equal(0, shortUsd);
    }

    [Fact]
    public void Apply_MonthOfMinuteBars_CompactsAgedOutCohorts()
    {
        var book = new LiquidationBook("BTCUSDT", new ModelOptions());
        for (var minute = 0; minute < 45 * 1440; minute += 5)
        {
            var price = 100_000 + (3_000 * Math.Sin(minute / 5000.0));
            book.Apply(Bars.At(minute, price, 1_000_000_000 + (minute % 10 == 0 ? 1e6 : 0), low: price - 20, high: price + 20) with { Duration = TimeSpan.FromMinutes(5) });
        }

        // 30 days of 5-minute bars, half of them with an OI increase, 10 cohorts each: about 43,200 live ones.
        Assert.InRange(book.CohortCount, 40_000, 2 * 44_000);
        Assert.True(book.Snapshot(TimeWindow.D30).Totals(PositionSide.Long).Sum() > 0);
    }
}
