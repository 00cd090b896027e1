namespace LiqBot.Engine.Model;

/// <summary>
/// Several series of sums by price bin that share one bin range, grown on demand. Bin b covers
/// [b x binSize, (b + 1) x binSize); bins outside the range read as zero.
/// </summary>
internal sealed class BinGrid(int seriesCount)
{
    private const int GrowthMargin = 64;
    private double[] _data = [];

    /// <summary>The first bin the grid covers.</summary>
    public int Origin { get; private set; }

    public int Length { get; private set; }

    public int SeriesCount => seriesCount;

    public void Add(int series, int bin, double value)
    {
        EnsureCovers(bin);
        _data[(series * Length) + bin - Origin] += value;
    }

    public double Get(int series, int bin) =>
        bin < Origin || bin >= Origin + Length ? 0 : _data[(series * Length) + bin - Origin];

    /// <summary>The series over the whole range; index i is bin Origin + i.</summary>
    public ReadOnlySpan<double> Series(int series) => _data.AsSpan(series * Length, Length);

    public void Scale(int series, double factor)
    {
        foreach (ref var value in _data.AsSpan(series * Length, Length))
        {
            value *= factor;
        }
    }

    private void EnsureCovers(int bin)
    {
        if (bin >= Origin && bin < Origin + Length)
        {
            return;
        }

        var start = Length == 0 ? bin - GrowthMargin : Math.Min(Origin, bin - Math.Max(GrowthMargin, Length / 2));
        var end = Length == 0 ? bin + GrowthMargin : Math.Max(Origin + Length, bin + Math.Max(GrowthMargin, Length / 2));
        var length = end - start;
        var data = new double[seriesCount * length];
        for (var s = 0; s < seriesCount && Length > 0; s++)
        {
            Array.Copy(_data, s * Length, data, (s * length) + Origin - start, Length);
        }

        _data = data;
        Origin = start;
        Length = length;
    }
}
