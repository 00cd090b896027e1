using System.Buffers;

namespace LiqBot.Rendering;

/// <summary>
/// The top of a bar or colour scale. One huge value must not flatten the rest, so the top is the
/// 99th percentile of the non-zero values (and at most a multiple of their median, because with few
/// values the percentile is the outlier itself); it clips only when the maximum is well above it.
/// </summary>
internal readonly record struct ScaleClip(double Top, double Max, bool IsClipped)
{
    private const double Percentile = 0.99;
    private const double ClipOnlyAbove = 1.5;

    public static ScaleClip None { get; } = new(0, 0, false);

    public static ScaleClip FromValues(ReadOnlySpan<double> values, double medianMultipleCap = double.PositiveInfinity)
    {
        var buffer = ArrayPool<double>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            var count = 0;
            foreach (var value in values)
            {
                if (value > 0 && double.IsFinite(value))
                {
                    buffer[count++] = value;
                }
            }

            return FromPositives(buffer.AsSpan(0, count), medianMultipleCap);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Like <see cref="FromValues"/> over values already filtered to positive and finite; reorders them.</summary>
    public static ScaleClip FromPositives(Span<double> positives, double medianMultipleCap = double.PositiveInfinity)
    {
        if (positives.IsEmpty)
        {
            return None;
        }

        var max = 0.0;
        foreach (var value in positives)
        {
            max = Math.Max(max, value);
        }

        var top = PercentileOf(positives, Percentile);
        if (double.IsFinite(medianMultipleCap))
        {
            top = Math.Min(top, medianMultipleCap * PercentileOf(positives, 0.5));
        }

        return max > top * ClipOnlyAbove ? new ScaleClip(top, max, true) : new ScaleClip(max, max, false);
    }

    /// <summary>Linear-interpolated percentile by selection (no full sort); reorders the span.</summary>
    internal static double PercentileOf(Span<double> values, double fraction)
    {
        var position = fraction * (values.Length - 1);
        var lowerIndex = (int)Math.Floor(position);
        var lower = Select(values, lowerIndex);
        if (lowerIndex + 1 >= values.Length)
        {
            return lower;
        }

        // After selection everything right of lowerIndex is >= lower; the next order statistic is their minimum.
        var upper = double.PositiveInfinity;
        foreach (var value in values[(lowerIndex + 1)..])
        {
            upper = Math.Min(upper, value);
        }

        return lower + ((upper - lower) * (position - lowerIndex));
    }

    /// <summary>Hoare quickselect with a median-of-three pivot: the k-th smallest, deterministic.</summary>
    private static double Select(Span<double> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (left < right)
        {
            var middle = left + ((right - left) / 2);
            var pivot = MedianOfThree(values[left], values[middle], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
