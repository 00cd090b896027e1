namespace LiqBot.Engine.Model;

/// <summary>
/// One book's outages of its venue's live liquidation stream, oldest first, none overlapping: spans that
/// overlap or touch are merged, and a closed span replaces the open one it ends. Bounded: spans that
/// ended before the retained history are dropped, and at most <see cref="MaxKept"/> are kept (the oldest go).
/// Recording the same outage again changes nothing, so a caller may hand over its whole list each time.
/// </summary>
public sealed class OutageLog
{
    public const int MaxKept = 1024;

    private readonly List<FeedOutage> _outages = [];

    public int Count => _outages.Count;

    public IReadOnlyList<FeedOutage> All => _outages;

    /// <summary>True while the newest outage has not ended.</summary>
    public bool IsDown => _outages.Count > 0 && _outages[^1].IsOpen;

    public void Record(FeedOutage outage)
    {
        if (outage.To is { } to)
        {
            if (to < outage.From)
            {
                return;
            }

            // What was known as still going on has ended: the closed span is the better news.
            _outages.RemoveAll(o => o.IsOpen && o.From >= outage.From && o.From <= to);
            if (to == outage.From)
            {
                return;
            }
        }

        var merged = outage;
        var at = 0;
        while (at < _outages.Count && _outages[at].From < merged.From && !Touch(_outages[at], merged))
        {
            at++;
        }

        while (at < _outages.Count && Touch(_outages[at], merged))
        {
            merged = Union(_outages[at], merged);
            _outages.RemoveAt(at);
        }

        _outages.Insert(at, merged);
        if (_outages.Count > MaxKept)
        {
            _outages.RemoveRange(0, _outages.Count - MaxKept);
        }
    }

    /// <summary>Drops the outages that ended at or before <paramref name="keepFrom"/> (older than the history kept).</summary>
    public void Trim(DateTimeOffset keepFrom)
    {
        var drop = 0;
        while (drop < _outages.Count && _outages[drop].To is { } to && to <= keepFrom)
        {
            drop++;
        }

        if (drop > 0)
        {
            _outages.RemoveRange(0, drop);
        }
    }

    /// <summary>The outages with some part in [from, to], whole (not clipped), oldest first.</summary>
    public IReadOnlyList<FeedOutage> Within(DateTimeOffset from, DateTimeOffset to) => _outages.Where(o => o.Overlaps(from, to)).ToList();

    // A start span and a venue's outage right after it stay apart: they say different things.
    private static bool Touch(FeedOutage a, FeedOutage b) =>
        a.IsStart == b.IsStart && a.From <= (b.To ?? DateTimeOffset.MaxValue) && b.From <= (a.To ?? DateTimeOffset.MaxValue);

    private static FeedOutage Union(FeedOutage a, FeedOutage b)
    {
        var first = a.From <= b.From ? a : b;
        DateTimeOffset? to = a.To is { } x && b.To is { } y ? (x > y ? x : y) : null;
        return first with { To = to };
    }
}
