using LiqBot.Engine.Backtest;

namespace LiqBot.Engine.Tests.Backtest;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Ranks_TiesGetTheirAverageRank() => Assert.Equal([1, 2.5, 2.5, 4], RankCorrelation.Ranks([10, 20, 20, 30]));

    [Fact]
    public void Spearman_MonotonicButNonLinear_IsOne() => Assert.Equal(1, RankCorrelation.Spearman([1, 2, 3, 4, 5], [1, 8, 27, 64, 125]), 12);

    [Fact]
    public void Spearman_HandComputedCase()
    {
        // ranks x: 1..5, ranks y: 2,1,4,3,5 -> sum d^2 = 4 -> rho = 1 - 6*4/(5*24) = 0.8
        Assert.Equal(0.8, RankCorrelation.Spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50]), 12);
    }

    [Fact]
    public void PartialSpearman_WhenPredictorOnlyEchoesTheControl_IsNearZero()
    {
        var random = new Random(5);
        var control = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToList();
        var target = control.Select(c => c + (random.NextDouble() * 0.5)).ToList();
        var echo = control.Select(c => (c * 3) + (random.NextDouble() * 0.5)).ToList();

        Assert.True(RankCorrelation.Spearman(target, echo) > 0.5);
        Assert.InRange(RankCorrelation.PartialSpearman(target, echo, control), -0.15, 0.15);
    }

    [Fact]
    public void PartialSpearman_PredictorWithOwnSignal_StaysPositive()
    {
        var random = new Random(7);
        var control = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToList();
        var signal = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToList();
        var target = control.Zip(signal, (c, s) => c + s).ToList();

        Assert.True(RankCorrelation.PartialSpearman(target, signal, control) > 0.5);
    }

    [Fact]
    public void Spearman_WithTies_UsesAverageRanks()
    {
        // ranks x: 1, 2.5, 2.5, 4; ranks y: 1, 3, 2, 4 -> sxy = 4.5, sxx = 4.5, syy = 5 -> 4.5 / sqrt(22.5) = 3 / sqrt(10)
        Assert.Equal(3 / Math.Sqrt(10), RankCorrelation.Spearman([1, 2, 2, 3], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void PartialSpearman_TwoControls_MatchesTheInverseCorrelationMatrix()
    {
        // Expected from -P01 / sqrt(P00 P11), P the inverse of the rank correlation matrix of (x, y, z1, z2),
        // computed independently of the recursive formula the code uses.
        double[] x = [3, 1, 4, 1.5, 5, 9, 2, 6], y = [2, 7, 1, 8, 2.5, 8.5, 1.8, 2.8], z1 = [1, 2, 3, 4, 5, 6, 7, 8], z2 = [8, 1, 7, 2, 6, 3, 5, 4];

        Assert.Equal(0.02420614591379635, RankCorrelation.PartialSpearman(x, y, z1), 12);
        Assert.Equal(0.745520177944077, RankCorrelation.PartialSpearman(x, y, z1, z2), 12);
    }

    [Fact]
    public void PartialSpearman_ConstantControl_IsLeftOut()
    {
        double[] x = [3, 1, 4, 1.5, 5, 9, 2, 6], y = [2, 7, 1, 8, 2.5, 8.5, 1.8, 2.8], z1 = [1, 2, 3, 4, 5, 6, 7, 8];

        Assert.Equal(RankCorrelation.PartialSpearman(x, y, z1), RankCorrelation.PartialSpearman(x, y, z1, [0, 0, 0, 0, 0, 0, 0, 0]), 12);
    }

    [Fact]
    public void Pearson_ConstantSeries_IsNaN() => Assert.True(double.IsNaN(RankCorrelation.Pearson([1, 1, 1], [1, 2, 3])));
}
