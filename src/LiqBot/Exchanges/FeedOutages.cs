using LiqBot.Engine.Model;

namespace LiqBot.Exchanges;

/// <summary>
/// When one venue's live liquidation stream was down: from the last frame before a socket dropped, went
/// silent or the feed failed (or from the feed's start) until a connection is live again. Realized
/// liquidations of those spans are lost for good; the spans go to the books (<see cref="OutageLog"/>)
/// and the counts to /metrics. Thread-safe; <see cref="Version"/> moves at every change.
/// </summary>
public sealed class FeedOutages
{
    /// <summary>Ended outages kept to hand to the books (which keep their own bounded log).</summary>
    public const int MaxRecent = 256;

    private readonly Lock _lock = new();
    private readonly Queue<FeedOutage> _recent = new();
    private FeedOutage? _open;
    private DateTimeOffset _lastUp = DateTimeOffset.MinValue;
    private double _endedSeconds;
    private long _count;
    private long _version;
    private volatile bool _down;

    /// <summary>Outages begun (the wait for the first connection counts as one).</summary>
    public long Count => Interlocked.Read(ref _count);

    public long Version => Interlocked.Read(ref _version);

    public bool IsDown => _down;

    /// <summary>The outage going on, if any.</summary>
    public FeedOutage? Current
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    /// <summary>The stream stopped delivering at <paramref name="from"/> (no later than its last frame); nothing if already down.</summary>
    public void Down(DateTimeOffset from, string reason)
    {
        lock (_lock)
        {
            if (_open is not null)
            {
                return;
            }

            _open = new FeedOutage(from > _lastUp ? from : _lastUp, null, string.Empty, reason);
            _down = true;
            _count++;
            _version++;
        }
    }

    /// <summary>
    /// Ended outages a previous process recorded (read from the store at start), kept with the recent ones
    /// (oldest first) so the books show them again; they are not counted as this process's outages.
    /// </summary>
    public void Restore(IEnumerable<FeedOutage> ended)
    {
        lock (_lock)
        {
            var all = ended.Where(o => o.To is not null).Concat(_recent).OrderBy(o => o.From).ToList();
            _recent.Clear();
            foreach (var outage in all.Skip(Math.Max(0, all.Count - MaxRecent)))
            {
                _recent.Enqueue(outage with { Venue = string.Empty });
            }

            _version++;
        }
    }

    /// <summary>A connection is live again at <paramref name="at"/>; nothing if not down.</summary>
    public void Up(DateTimeOffset at)
    {
        if (!_down)
        {
            return;
        }

        lock (_lock)
        {
            if (_open is not { } open)
            {
                return;
            }

            var ended = open with { To = at > open.From ? at : open.From };
            _endedSeconds += (ended.To!.Value - ended.From).TotalSeconds;
            _recent.Enqueue(ended);
            if (_recent.Count > MaxRecent)
            {
                _recent.Dequeue();
            }

            _open = null;
            _down = false;
            _lastUp = at;
            _version++;
        }
    }

    /// <summary>Seconds without the stream so far, the outage going on included up to <paramref name="now"/>.</summary>
    public double SecondsDown(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _endedSeconds + (_open is { } open && now > open.From ? (now - open.From).TotalSeconds : 0);
        }
    }

    /// <summary>The recent ended outages and the one going on, oldest first, each named for <paramref name="venue"/>.</summary>
    public List<FeedOutage> Snapshot(string venue)
    {
        lock (_lock)
        {
            var all = _recent.Select(o => o with { Venue = venue }).ToList();
            if (_open is { } open)
            {
                all.Add(open with { Venue = venue });
            }

            return all;
        }
    }
}
