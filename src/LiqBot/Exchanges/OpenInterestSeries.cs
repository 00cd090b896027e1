namespace LiqBot.Exchanges;

/// <summary>Looks up readings sorted by time.</summary>
internal static class OpenInterestSeries
{
    /// <summary>The last reading at or before <paramref name="time"/>; null before the first reading.</summary>
    public static double? At(List<OpenInterestPoint> points, DateTimeOffset time)
    {
        int lo = 0, hi = points.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (points[mid].Time <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : points[found].OpenInterest;
    }
}
