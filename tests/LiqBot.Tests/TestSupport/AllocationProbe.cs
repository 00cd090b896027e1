namespace LiqBot.Tests.TestSupport;

/// <summary>Managed bytes an action allocates on this thread once warmed up: a count, not a timing, so it holds on any machine.</summary>
internal static class AllocationProbe
{
    /// <summary>How many times <see cref="BytesAllocatedBy"/> runs the action (warm-up included).</summary>
    public const int Runs = 20;

    private const int WarmUps = 10;

    public static long BytesAllocatedBy(Action action)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = WarmUps; i < Runs; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
