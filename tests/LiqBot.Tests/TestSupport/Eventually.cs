using System.Diagnostics;

namespace LiqBot.Tests.TestSupport;

/// <summary>Waits for a condition the system under test makes true, failing after a bound instead of hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < within, $"Timed out after {within.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < within, $"Timed out after {within.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(condition, timeout ?? TimeSpan.FromSeconds(15), what);
}
