using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Risk;
using LiqBot.Engine.Tests.Zones;

namespace LiqBot.Engine.Tests.Risk;

public sealed class PositionRiskTests
{
    private static readonly MarginSchedule Tiers = new(
        [new MarginTier(200_000, 0.005, 100), new MarginTier(1_000_000, 0.01, 50), new MarginTier(5_000_000, 0.025, 20)],
        "test tiers");

    // Longs below 90,000: 85.0k 4M, 88.0k+88.1k 16M, 80.5k 7M (beyond a 10x long's level); shorts: 93.0k 3M, 95.0k 9M.
    private static readonly BookSnapshot Book = Books.With(
        90_000,
        new Dictionary<double, double> { [85_000] = 4e6, [88_000] = 10e6, [88_100] = 6e6, [80_500] = 7e6 },
        new Dictionary<double, double> { [93_000] = 3e6, [95_000] = 9e6 });

    [Fact]
    public void TryAssess_Long10xAt100k_LiquidatesAt90500()
    {
        var book = Books.With(100_000, new Dictionary<double, double>(), new Dictionary<double, double>());

        Assert.True(PositionRisk.TryAssess(book, new RiskPosition(PositionSide.Long, 10, 100_000), Tiers, out var risk, out _));

        Assert.Equal(90_500, risk.LiquidationPrice, 6);
        Assert.Equal(-9.5, risk.DistancePct, 6);
    }

    [Fact]
    public void TryAssess_Short25xAt3000_LiquidatesAt3105()
    {
        var bins = new double[500];
        var book = new BookSnapshot("ETHUSDT", DateTimeOffset.UnixEpoch, 3_000, TimeWindow.H24, 2, 2_600, [new LeverageTier(25, 1)], [bins], [bins], "test");

        Assert.True(PositionRisk.TryAssess(book, new RiskPosition(PositionSide.Short, 25, 3_000), Tiers, out var risk, out _));

        Assert.Equal(3_105, risk.LiquidationPrice, 6);
        Assert.Equal(3.5, risk.DistancePct, 6);
    }

    [Fact]
    public void TryAssess_Long_SumsLongsBetweenPriceAndLevel()
    {
        Assert.True(PositionRisk.TryAssess(Book, new RiskPosition(PositionSide.Long, 10, 90_000), Tiers, out var risk, out _));

        Assert.Equal(81_450, risk.LiquidationPrice, 6);
        Assert.Equal(20e6, risk.Path.NotionalOnPathUsd, 3);
        var densest = Assert.IsType<LiqBot.Engine.Zones.Zone>(risk.Path.DensestOnPath, exactMatch: false);
        Assert.Equal((88_000, 88_200, 16e6), (densest.Low, densest.High, densest.NotionalUsd));
        var nearest = Assert.IsType<LiqBot.Engine.Zones.Zone>(risk.Path.NearestOpposite, exactMatch: false);
        Assert.Equal((PositionSide.Short, 93_000, 93_200, 3e6), (nearest.Side, nearest.Low, nearest.High, nearest.NotionalUsd));
        Assert.Equal(
            "Long 10x from 90,000: liquidated at 81,450 (-9.5 % from 90,000; mmr 0.50 %, test tiers, lowest tier). "
            + "On the way: $20.0M est. of long liquidations, densest 88.0k-88.2k ($16.0M est.). Nearest shorts above: 93.0k-93.2k ($3.0M est., +3.3 %).",
            RiskBrief.Write(risk, Book.BinSize));
    }

    [Fact]
    public void TryAssess_Short_ClipsTheZoneAtTheLevel()
    {
        Assert.True(PositionRisk.TryAssess(Book, new RiskPosition(PositionSide.Short, 25, 90_000), Tiers, out var risk, out _));

        Assert.Equal(93_150, risk.LiquidationPrice, 6);
        Assert.Equal(3e6, risk.Path.NotionalOnPathUsd, 3);
        var densest = Assert.IsType<LiqBot.Engine.Zones.Zone>(risk.Path.DensestOnPath, exactMatch: false);
        Assert.Equal(93_000, densest.Low, 6);
        Assert.Equal(93_150, densest.High, 6);
        var nearest = Assert.IsType<LiqBot.Engine.Zones.Zone>(risk.Path.NearestOpposite, exactMatch: false);
        Assert.Equal((PositionSide.Long, 88_000, 88_200, -2.0), (nearest.Side, nearest.Low, nearest.High, Math.Round(nearest.DistancePct, 6)));
    }

    [Fact]
    public void TryAssess_SizeChoosesItsTier()
    {
        Assert.True(PositionRisk.TryAssess(Book, new RiskPosition(PositionSide.Long, 10, 90_000, 500_000), Tiers, out var risk, out _));

        Assert.Equal(0.01, risk.Tier.MaintenanceMarginRate);
        Assert.Equal(90_000 * (1 - 0.1 + 0.01), risk.LiquidationPrice, 6);
        Assert.Contains("mmr 1.00 %, test tiers, tier up to $1.0M", RiskBrief.Write(risk, Book.BinSize), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PositionSide.Long, 0.5, 90_000, null, "Leverage must be between 1x and 100x (test tiers).")]
    [InlineData(PositionSide.Long, 60, 90_000, 500_000.0, "Leverage must be between 1x and 50x (test tiers at that size).")]
    [InlineData(PositionSide.Long, 10, 0, null, "Entry must be a positive price.")]
    [InlineData(PositionSide.Long, 10, 140_000, null, "Entry 140,000 is more than 50 % from the price 90,000; check the number.")]
    [InlineData(PositionSide.Long, 10, 90_000, -5.0, "Size must be a positive USD amount, e.g. 25k.")]
    [InlineData(PositionSide.Long, 10, 90_000, 6e6, "A $6,000,000 position is above the largest tier ($5.0M) of test tiers.")]
    [InlineData(PositionSide.Short, 10, 80_000, null, "Cannot be: a short 10x from 80,000 liquidates at 87,600, below the price 90,000, so it would already be closed.")]
    [InlineData(PositionSide.Long, 100, 100_000, null, "Cannot be: a long 100x from 100,000 liquidates at 99,500, above the price 90,000, so it would already be closed.")]
    public void TryAssess_BadInput_SaysWhyInOneLine(PositionSide side, double leverage, double entry, double? size, string expected)
    {
        Assert.False(PositionRisk.TryAssess(Book, new RiskPosition(side, leverage, entry, size), Tiers, out _, out var error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryFor_PicksFirstTierHoldingTheSize()
    {
        Assert.True(Tiers.TryFor(null, out var lowest));
        Assert.True(Tiers.TryFor(200_000, out var edge));
        Assert.True(Tiers.TryFor(3e6, out var third));
        Assert.False(Tiers.TryFor(5e6 + 1, out _));

        Assert.Equal((0.005, 0.005, 0.025), (lowest.MaintenanceMarginRate, edge.MaintenanceMarginRate, third.MaintenanceMarginRate));
    }

    [Fact]
    public void Between_CountsBinsWhoseMiddleIsOnThePath()
    {
        Assert.Equal(16e6, LiquidationPath.Between(Book, PositionSide.Long, 88_000, 88_200), 3);
        Assert.Equal(6e6, LiquidationPath.Between(Book, PositionSide.Long, 88_100, 90_000), 3);
        Assert.Equal(0, LiquidationPath.Between(Book, PositionSide.Long, 88_060, 88_140), 3);
    }
}
