using System.Diagnostics;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Rendering;

namespace LiqBot.Chat;

/// <summary>Draws the two charts at the default size and names the files.</summary>
internal sealed class ChartService
{
    private readonly LiquidationMapRenderer _map = new();
    private readonly HeatmapRenderer _heatmap = new();
    private long _renderMilliseconds;
    private long _renders;

    /// <summary>Milliseconds spent rendering, for /metrics.</summary>
    public long RenderMilliseconds => Interlocked.Read(ref _renderMilliseconds);

    public long Renders => Interlocked.Read(ref _renders);

    public ChatImage Map(BookSnapshot book, IReadOnlyList<Zone> zones) =>
        Timed(() => new ChatImage($"liqmap-{book.Symbol}-{book.Window.Name}.png", _map.Render(book, zones, RenderSize.Default)));

    public ChatImage Heatmap(HeatmapSnapshot heatmap) =>
        Timed(() => new ChatImage($"heatmap-{heatmap.Symbol}-{heatmap.Window.Name}.png", _heatmap.Render(heatmap, RenderSize.Default)));

    private ChatImage Timed(Func<ChatImage> render)
    {
        var started = Stopwatch.GetTimestamp();
        var image = render();
        Interlocked.Add(ref _renderMilliseconds, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Interlocked.Increment(ref _renders);
        return image;
    }
}
