using System.Diagnostics;

namespace LiqBot.Tests.TestSupport;

/// <summary>
/// Waits for a condition the system under test makes true, failing after a bound instead of hanging.
/// A bound only guards against a hang: it is never below <see cref="Floor"/>, since a loaded 2-core CI
/// machine can take ten times as long as a quiet one, and a test must not depend on that.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Floor = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<bool> condition, TimeSpan within, string what)
    {
        within = within < Floor ? Floor : within;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < within, $"Timed out after {within.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        within = within < Floor ? Floor : within;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < within, $"Timed out after {within.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(condition, timeout ?? Floor, what);
}
