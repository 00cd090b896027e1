using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class ScaleClipTests
{
    [Fact]
    public void FromValues_OneHugeValue_ClipsAtHighPercentile()
    {
        var values = Enumerable.Range(1, 500).Select(i => (double)i).Append(1e9).ToArray();

        var clip = ScaleClip.FromValues(values);

        Assert.True(clip.IsClipped);
        Assert.Equal(1e9, clip.Max);
        Assert.InRange(clip.Top, 490, 500);
    }

    [Fact]
    public void FromValues_EvenValues_UsesTheMaximum()
    {
        var clip = ScaleClip.FromValues([1, 2, 3, 4, 5]);

        Assert.False(clip.IsClipped);
        Assert.Equal(5, clip.Top);
    }

    [Fact]
    public void FromValues_FewValuesWithOutlier_MedianCapClips()
    {
        var clip = ScaleClip.FromValues([0, 1, 2, 3, 3000], medianMultipleCap: 50);

        Assert.True(clip.IsClipped);
        Assert.Equal(125, clip.Top);
    }

    [Fact]
    public void FromValues_NoPositiveValue_IsEmptyScale()
    {
        Assert.Equal(ScaleClip.None, ScaleClip.FromValues([0, -1, double.NaN]));
    }

    [Fact]
    public void PercentileOf_MatchesSortedInterpolation()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 1001).Select(_ => random.NextDouble()).ToArray();
        var sorted = values.Order().ToArray();

        var p99 = ScaleClip.PercentileOf(values.ToArray(), 0.99);

        Assert.Equal(sorted[990], p99, 12);
    }
}
