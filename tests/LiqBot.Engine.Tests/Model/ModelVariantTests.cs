using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Model;

/// <summary>The optional model variants of issue 15, each off by default, on hand-computable bars.</summary>
public sealed class ModelVariantTests
{
    private static readonly ModelOptions Exact = ExactModel.Options;

    /// <summary>A bar that rose from its low to its high: direction (close - open) / (high - low) = 1.</summary>
    private static Bar Rising(int minute, double openInterest) =>
        Bars.At(minute, 100_000, openInterest, low: 99_000, high: 101_000) with { Open = 99_000, Close = 101_000 };

    [Fact]
    public void PriceDirectionShare_BarRoseFully_OpensMoreLongsThanShorts()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { PriceDirectionShare = 0.5 });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Rising(1, 1_001_000_000));

        Assert.Equal(1_500_000, book.NotionalBetween(PositionSide.Long, 0, 100_000), 0);
        Assert.Equal(500_000, book.NotionalBetween(PositionSide.Short, 100_000, 200_000), 0);
    }

    [Fact]
    public void SpreadEntriesOverRange_OpensAThirdAtLowTypicalAndHigh()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { SpreadEntriesOverRange = true });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_003_000_000, low: 99_000, high: 101_000));

        // Long 10x, mmr 0.5 %: entry x 0.905 -> 89,595 (low), 90,500 (typical), 91,405 (high).
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 89_500, 89_600), 0);
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 90_500, 90_600), 0);
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 91_400, 91_500), 0);
    }

    [Fact]
    public void TierHalfLife_DecaysThatTierOnly()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { Tiers = [new(10, 1), new(100, 1, TimeSpan.FromMinutes(10))] });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_002_000_000));
        book.Apply(Bars.At(11, 100_000, 1_002_000_000));

        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 90_500, 90_600), 0);
        Assert.Equal(500_000, book.NotionalBetween(PositionSide.Long, 99_500, 99_600), 0);
    }

    [Fact]
    public void TierSide_OpensThatSideOnly()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { Tiers = [new(10, 1), new(150, 1, Side: PositionSide.Short)] });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 1_002_000_000));

        // Short 150x: 100,000 x (1 + 1/150 - 0.005) = 100,166.67.
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Short, 100_100, 100_200), 0);
        Assert.Equal(1_000_000, book.NotionalBetween(PositionSide.Long, 0, 100_000), 0);
    }

    [Fact]
    public void AdverseCloseShare_OpenInterestDropInARisingBar_ClosesShortsFirst()
    {
        var book = new LiquidationBook("BTCUSDT", Exact with { AdverseCloseShare = 1 });
        book.Apply(Bars.At(0, 100_000, 1_000_000_000));
        book.Apply(Bars.At(1, 100_000, 2_000_000_000));

        book.Apply(Rising(2, 1_800_000_000) with { Low = 99_000 });

        // OI fell 10 %: shorts lose 10 % x (1 + 1) = 20 %, longs 10 % x (1 - 1) = 0.
        Assert.Equal(1_000_000_000, book.NotionalBetween(PositionSide.Long, 90_000, 91_000), 0);
        Assert.Equal(800_000_000, book.NotionalBetween(PositionSide.Short, 109_000, 110_000), 0);
    }

    [Fact]
    public void Heatmap_TiersWithTheirOwnHalfLives_MatchesTheOneWeightPath()
    {
        // One tick more of half-life on one tier takes the per-series path; its heatmap must be the one-weight path's.
        var shared = new LiquidationBook("BTCUSDT", new ModelOptions { Tiers = [new(10, 1), new(25, 1)] });
        var perTier = new LiquidationBook("BTCUSDT", new ModelOptions { Tiers = [new(10, 1), new(25, 1, TimeSpan.FromDays(7) + TimeSpan.FromTicks(1))] });
        for (var minute = 0; minute < 3_000; minute++)
        {
            var price = 100_000 + (2_000 * Math.Sin(minute / 200.0));
            var bar = Bars.At(minute, price, 1_000_000_000 + (minute % 7 * 1_000_000.0), low: price - 80, high: price + 80);
            shared.Apply(bar);
            perTier.Apply(bar);
        }

        var expected = shared.Heatmap(TimeWindow.H24).Columns;
        var actual = perTier.Heatmap(TimeWindow.H24).Columns;
        Assert.Equal(expected.Count, actual.Count);
        Assert.Contains(expected, c => c.Cells.Sum() > 1e6);
        for (var c = 0; c < expected.Count; c++)
        {
            Assert.Equal(expected[c].Cells.Sum(), actual[c].Cells.Sum(), 0.001 * Math.Max(1, expected[c].Cells.Sum()));
        }
    }
}
