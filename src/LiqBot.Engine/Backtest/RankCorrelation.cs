namespace LiqBot.Engine.Backtest;

/// <summary>Spearman and partial Spearman correlations (ties get their average rank).</summary>
public static class RankCorrelation
{
    /// <summary>Pearson correlation of the ranks; NaN when either series is constant or shorter than 3.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>
    /// Spearman correlation of x and y once z is accounted for:
    /// (r_xy - r_xz r_yz) / sqrt((1 - r_xz^2)(1 - r_yz^2)) on ranks.
    /// </summary>
    public static double PartialSpearman(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z)
    {
        var (rx, ry, rz) = (Ranks(x), Ranks(y), Ranks(z));
        var xy = Pearson(rx, ry);
        var xz = Pearson(rx, rz);
        var yz = Pearson(ry, rz);
        var denominator = Math.Sqrt((1 - (xz * xz)) * (1 - (yz * yz)));
        return denominator > 0 ? (xy - (xz * yz)) / denominator : double.NaN;
    }

    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var average = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = average;
            }

            start = end + 1;
        }

        return ranks;
    }

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Series must have the same length.", nameof(y));
        }

        if (x.Count < 3)
        {
            return double.NaN;
        }

        double meanX = x.Average(), meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
