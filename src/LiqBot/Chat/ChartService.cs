using System.Diagnostics;
using LiqBot.Engine.Model;
using LiqBot.Engine.Risk;
using LiqBot.Engine.Zones;
using LiqBot.Rendering;

namespace LiqBot.Chat;

/// <summary>Draws the two charts at the default size and names the files.</summary>
internal sealed class ChartService(TimeProvider time)
{
    private readonly LiquidationMapRenderer _map = new();
    private readonly HeatmapRenderer _heatmap = new();
    private long _renderMilliseconds;
    private long _renders;

    /// <summary>Milliseconds spent rendering, for /metrics.</summary>
    public long RenderMilliseconds => Interlocked.Read(ref _renderMilliseconds);

    public long Renders => Interlocked.Read(ref _renders);

    public ChatImage Map(BookSnapshot book, IReadOnlyList<Zone> zones, MapOverlay? overlay = null) =>
        Timed(() => new ChatImage($"liqmap-{book.Symbol}-{book.Window.Name}.png", _map.Render(DatedNow(book), zones, RenderSize.Default, overlay)));

    /// <summary>The map around a position's path, its entry and liquidation level marked.</summary>
    public ChatImage Risk(BookSnapshot book, IReadOnlyList<Zone> zones, RiskAssessment risk) =>
        Map(book, zones, RiskOverlay.For(risk)) with { FileName = $"risk-{book.Symbol}.png" };

    public ChatImage Heatmap(HeatmapSnapshot heatmap) =>
        Timed(() => new ChatImage($"heatmap-{heatmap.Symbol}-{heatmap.Window.Name}.png", _heatmap.Render(DatedNow(heatmap), RenderSize.Default)));

    // Before its first bar a book has no time of its own and says the epoch; its placeholder is dated now.
    private BookSnapshot DatedNow(BookSnapshot book) =>
        book.IsEmpty && book.At == DateTimeOffset.UnixEpoch ? book with { At = time.GetUtcNow() } : book;

    private HeatmapSnapshot DatedNow(HeatmapSnapshot heatmap)
    {
        if (!heatmap.IsEmpty || heatmap.To != DateTimeOffset.UnixEpoch)
        {
            return heatmap;
        }

        var now = time.GetUtcNow();
        return heatmap with { From = now - heatmap.Window.Span, To = now };
    }

    private ChatImage Timed(Func<ChatImage> render)
    {
        var started = Stopwatch.GetTimestamp();
        var image = render();
        Interlocked.Add(ref _renderMilliseconds, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Interlocked.Increment(ref _renders);
        return image;
    }
}
