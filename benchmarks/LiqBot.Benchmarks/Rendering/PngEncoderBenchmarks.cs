using BenchmarkDotNet.Attributes;
using LiqBot.Rendering;
using SkiaSharp;

namespace LiqBot.Benchmarks.Rendering;

/// <summary>
/// PNG encoders over the same finished 1280x720 chart: our writer (zlib fastest, "up" filter)
/// against Skia's own at its default settings, at zlib's fastest level, and with our filter.
/// The renderers use whichever is fastest.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[MedianColumn]
public class PngEncoderBenchmarks
{
    private SKBitmap chart = null!;

    [Params("map", "heatmap")]
    public string Chart { get; set; } = "map";

    [GlobalSetup]
    public void Setup()
    {
        var png = Chart == "map"
            ? new LiquidationMapRenderer().Render(SyntheticRenderInputs.Book(), SyntheticRenderInputs.Zones(), RenderSize.Default)
            : new HeatmapRenderer().Render(SyntheticRenderInputs.Heatmap(), RenderSize.Default);
        chart = SKBitmap.Decode(png).Copy(SKColorType.Bgra8888);
    }

    [GlobalCleanup]
    public void Cleanup() => chart.Dispose();

    [Benchmark(Baseline = true)]
    public byte[] FastPngWriter() => LiqBot.Rendering.FastPngWriter.Encode(SkiaCanvas.Pixels(chart));

    [Benchmark]
    public byte[] SkiaDefault() => Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6));

    [Benchmark]
    public byte[] SkiaZlibFastest() => Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1));

    [Benchmark]
    public byte[] SkiaUpFilterZlibFastest() => Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 1));

    private byte[] Encode(SKPngEncoderOptions options)
    {
        using var pixmap = chart.PeekPixels() ?? throw new InvalidOperationException("The chart has no pixels to read.");
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("Skia could not encode the chart.");
        return data.ToArray();
    }
}
