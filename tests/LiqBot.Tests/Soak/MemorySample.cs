namespace LiqBot.Tests.Soak;

/// <summary>The bot process's resident memory (RSS) at one moment: which process of the run (0 = the first start) and how long it had lived.</summary>
internal sealed record MemorySample(int Process, TimeSpan Age, long Bytes)
{
    /// <summary>
    /// Least-squares growth of one process in MB per hour over its samples at least <paramref name="warmUp"/>
    /// old; null with fewer than two such samples or under a minute between them.
    /// </summary>
    public static double? GrowthMbPerHour(IEnumerable<MemorySample> samples, TimeSpan warmUp)
    {
        var points = samples.Where(s => s.Age >= warmUp).Select(s => (X: s.Age.TotalHours, Y: s.Bytes / 1_000_000.0)).ToList();
        if (points.Count < 2 || points.Max(p => p.X) - points.Min(p => p.X) < 1.0 / 60)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }
}
