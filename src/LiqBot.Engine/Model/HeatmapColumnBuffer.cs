namespace LiqBot.Engine.Model;

/// <summary>
/// The heatmap columns of one window: at most Capacity columns of Span / Capacity each, the
/// oldest dropped first, so memory stays bounded however long the history is.
/// </summary>
internal sealed class HeatmapColumnBuffer
{
    private readonly StoredColumn[] _columns;
    private int _next;
    private OpenColumn? _open;

    public HeatmapColumnBuffer(TimeWindow window, int capacity)
    {
        Window = window;
        _columns = new StoredColumn[capacity];
        ColumnTicks = Math.Max(1, window.Span.Ticks / capacity);
    }

    public TimeWindow Window { get; }

    public long ColumnTicks { get; }

    public int Count { get; private set; }

    /// <summary>True when a bar opening at <paramref name="barOpenTicks"/> starts a new column, so the open one must be closed first.</summary>
    public bool EndsOpenColumn(long barOpenTicks) => _open is { } open && Bucket(barOpenTicks) != open.Bucket;

    /// <summary>Whether the open column would still be kept once the history reaches <paramref name="horizonTicks"/>.</summary>
    public bool OpenColumnSurvives(long horizonTicks) =>
        _open is { } open && ((open.Bucket + 1) * ColumnTicks) > horizonTicks - Window.Span.Ticks;

    /// <summary>Closes the open column with the book's cells as they stand at its end (null when it will not be kept).</summary>
    public void CloseOpenColumn(int originBin, float[]? cells)
    {
        if (_open is not { } open)
        {
            return;
        }

        if (cells is not null)
        {
            _columns[_next] = new StoredColumn(open, originBin, cells);
            _next = (_next + 1) % _columns.Length;
            Count = Math.Min(Count + 1, _columns.Length);
        }

        _open = null;
    }

    /// <summary>Records a bar's prices in the open column, opening one when needed.</summary>
    public void AddBar(long barOpenTicks, long barCloseTicks, double high, double low, double close)
    {
        if (_open is { } open)
        {
            _open = open with { EndTicks = barCloseTicks, High = Math.Max(open.High, high), Low = Math.Min(open.Low, low), Close = close };
            return;
        }

        _open = new OpenColumn(Bucket(barOpenTicks), barOpenTicks, barCloseTicks, high, low, close);
    }

    /// <summary>The kept columns, oldest first, then the open one captured by <paramref name="captureOpen"/>.</summary>
    public List<StoredColumn> Columns(Func<double, (int OriginBin, float[] Cells)> captureOpen)
    {
        var result = new List<StoredColumn>(Count + 1);
        var start = Count < _columns.Length ? 0 : _next;
        for (var i = 0; i < Count; i++)
        {
            result.Add(_columns[(start + i) % _columns.Length]);
        }

        if (_open is { } open)
        {
            var (origin, cells) = captureOpen(open.Close);
            result.Add(new StoredColumn(open, origin, cells));
        }

        return result;
    }

    private long Bucket(long ticks) => ticks / ColumnTicks;

    internal readonly record struct OpenColumn(long Bucket, long StartTicks, long EndTicks, double High, double Low, double Close);

    internal readonly record struct StoredColumn(OpenColumn Span, int OriginBin, float[] Cells);
}
