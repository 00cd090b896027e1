using BenchmarkDotNet.Attributes;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Rendering;

namespace LiqBot.Benchmarks.Rendering;

/// <summary>
/// Both charts at 1280x720, PNG encoding included. Targets: map under 5 ms, heatmap under 12 ms
/// (median). Input: 600 bins x 5 tiers; 400 columns x 600 rows and ~2,000 dots.
/// In process because BenchmarkDotNet's generated project fails restore here (NU1605: Quartz pulls
/// Microsoft.Extensions.*.Abstractions 10.0.11 over the 10.0.0 it pins), so the usual command just works.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[MedianColumn]
public class RenderBenchmarks
{
    private BookSnapshot book = null!;
    private IReadOnlyList<Zone> zones = null!;
    private HeatmapSnapshot heatmap = null!;
    private HeatmapSnapshot heatmapWithOutages = null!;
    private LiquidationMapRenderer mapRenderer = null!;
    private HeatmapRenderer heatmapRenderer = null!;

    [GlobalSetup]
    public void Setup()
    {
        book = SyntheticRenderInputs.Book();
        zones = SyntheticRenderInputs.Zones();
        heatmap = SyntheticRenderInputs.Heatmap();
        var hour = (heatmap.To - heatmap.From) / 24;
        heatmapWithOutages = heatmap with
        {
            Outages = [new(heatmap.From + (2 * hour), heatmap.From + (3 * hour), "Binance"), new(heatmap.From + (10 * hour), heatmap.From + (11 * hour), "OKX"), new(heatmap.To - hour, null, "Bybit")],
        };
        mapRenderer = new LiquidationMapRenderer();
        heatmapRenderer = new HeatmapRenderer();
    }

    [Benchmark]
    public byte[] LiquidationMap() => mapRenderer.Render(book, zones, RenderSize.Default);

    [Benchmark]
    public byte[] Heatmap() => heatmapRenderer.Render(heatmap, RenderSize.Default);

    /// <summary>Three venue outages hatched over an eighth of the plot, and their note.</summary>
    [Benchmark]
    public byte[] HeatmapWithOutages() => heatmapRenderer.Render(heatmapWithOutages, RenderSize.Default);
}
