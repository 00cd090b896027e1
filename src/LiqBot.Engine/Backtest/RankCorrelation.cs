using System.Diagnostics.CodeAnalysis;
namespace LiqBot.Engine.Backtest;

/// <summary>Spearman and partial Spearman correlations (ties get their average rank).</summary>
[SuppressMessage("Performance", "CA1814:Prefer jagged arrays over multidimensional", Justification = "A correlation matrix is square and full: a rectangular array wastes nothing.")]
public static class RankCorrelation
{
    /// <summary>Pearson correlation of the ranks; NaN when either series is constant or shorter than 3.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>
    /// Spearman correlation of x and y once every control is accounted for, on ranks. One control z:
    /// (r_xy - r_xz r_yz) / sqrt((1 - r_xz^2)(1 - r_yz^2)); more controls apply the same step recursively.
    /// </summary>
    public static double PartialSpearman(IReadOnlyList<double> x, IReadOnlyList<double> y, params IReadOnlyList<double>[] controls)
    {
        var ranks = new double[controls.Length + 2][];
        ranks[0] = Ranks(x);
        ranks[1] = Ranks(y);
        for (var c = 0; c < controls.Length; c++)
        {
            ranks[c + 2] = Ranks(controls[c]);
        }

        return PartialOfRanks(ranks);
    }

    /// <summary>Partial correlation of ranks[0] and ranks[1] given ranks[2..], from the Pearson matrix of the ranks.</summary>
    public static double PartialOfRanks(IReadOnlyList<double[]> ranks)
    {
        // A constant control (a breakout that never happens in a resample) explains nothing: leave it out.
        ranks = [ranks[0], ranks[1], .. ranks.Skip(2).Where(c => c.Any(v => v != c[0]))];
        var n = ranks.Count;
        var r = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                r[i, j] = r[j, i] = i == j ? 1 : Pearson(ranks[i], ranks[j]);
            }
        }

        return Partial(r, 0, 1, n - 2);
    }

    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var keys = values.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[keys.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end + 1 < keys.Length && keys[end + 1] == keys[start])
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

        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= x.Count;
        meanY /= y.Count;
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

    /// <summary>Correlation of variables a and b given variables 2 .. 2 + controls - 1 of the matrix.</summary>
    private static double Partial(double[,] r, int a, int b, int controls)
    {
        if (controls == 0)
        {
            return r[a, b];
        }

        var last = controls + 1;
        var ab = Partial(r, a, b, controls - 1);
        var ac = Partial(r, a, last, controls - 1);
        var bc = Partial(r, b, last, controls - 1);
        var denominator = Math.Sqrt((1 - (ac * ac)) * (1 - (bc * bc)));
        return denominator > 0 ? (ab - (ac * bc)) / denominator : double.NaN;
    }
}
