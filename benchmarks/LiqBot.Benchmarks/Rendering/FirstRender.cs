using System.Diagnostics;
using LiqBot.Rendering;

namespace LiqBot.Benchmarks.Rendering;

/// <summary>
/// The first chart a fresh process draws pays for loading libSkiaSharp, reading the fonts and
/// JIT-compiling the renderer; BenchmarkDotNet's warm-up hides exactly that, so this times it by hand.
/// Run it in a new process: `-- first-render`.
/// </summary>
internal static class FirstRender
{
    public static void Print(TextWriter output)
    {
        var book = SyntheticRenderInputs.Book();
        var zones = SyntheticRenderInputs.Zones();
        var heatmap = SyntheticRenderInputs.Heatmap();

        var firstMap = Time(() => new LiquidationMapRenderer().Render(book, zones, RenderSize.Default));
        var firstHeatmap = Time(() => new HeatmapRenderer().Render(heatmap, RenderSize.Default));
        var secondMap = Time(() => new LiquidationMapRenderer().Render(book, zones, RenderSize.Default));

        output.WriteLine($"first map render after start: {firstMap:F1} ms");
        output.WriteLine($"first heatmap render after it: {firstHeatmap:F1} ms");
        output.WriteLine($"second map render: {secondMap:F1} ms");
    }

    private static double Time(Func<byte[]> render)
    {
        var started = Stopwatch.GetTimestamp();
        render();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
