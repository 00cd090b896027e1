using LiqBot.Engine.Model;

namespace LiqBot.Benchmarks.Engine;

/// <summary>
/// Retained memory of one symbol's whole state after 30 days of 1-minute bars (target under 64 MB).
/// BenchmarkDotNet measures allocation, not what stays alive, so this is measured with a full GC.
/// </summary>
internal static class StateSize
{
    public static void Print(TextWriter output)
    {
        var bars = SyntheticBars.Generate(30 * 1440, TimeSpan.FromMinutes(1));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var book = new LiquidationBook("BTCUSDT", new ModelOptions());
        book.ApplyHistory(bars);
        foreach (var window in TimeWindow.All)
        {
            book.Heatmap(window);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"30 days of 1-minute bars ({bars.Length:N0}): {book.CohortCount:N0} cohorts, state {(after - before) / 1024.0 / 1024.0:F1} MB retained");
        GC.KeepAlive(book);
    }
}
