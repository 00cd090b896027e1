using LiqBot.Engine.Model;

namespace LiqBot.Exchanges;

/// <summary>
/// When one venue's live liquidation stream was down: from the last sign of life (a frame, a keep-alive
/// answer) before a socket dropped, went silent or the feed failed, or from the clean end of a connection,
/// until a connection is live again. Realized liquidations of those spans are lost for good; the spans go
/// to the books (<see cref="OutageLog"/>) and the counts to /metrics. Before the first connection after a
/// start nothing was received either, but the venue was not down: that span is a start span
/// (<see cref="FeedOutage.IsStart"/>), not counted as an outage; a first connection that fails ends it
/// and begins an outage. Thread-safe; <see cref="Version"/> moves at every change.
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

    /// <summary>Outages begun (the wait for the first connection is not one).</summary>
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

    /// <summary>
    /// The feed starts and waits for its first connection, before which nothing was received (a start span,
    /// unless one is open already); false when it was up before, so this is no start.
    /// </summary>
    public bool Starting()
    {
        lock (_lock)
        {
            if (_lastUp != DateTimeOffset.MinValue)
            {
                return false;
            }

            if (_open is null)
            {
                _open = FeedOutage.BeforeStart(null);
                _down = true;
                _version++;
            }

            return true;
        }
    }

    /// <summary>The stream stopped delivering at <paramref name="from"/> (its last sign of life); nothing if already down (a start span ends there).</summary>
    public void Down(DateTimeOffset from, string reason) => Down(from, reason, replacesStart: false);

    /// <summary>
    /// A restart with stored history (<c>RealizedRestore</c>): nothing arrived from <paramref name="from"/>, the last
    /// moment the previous process had everything stored, until the first connection. This outage replaces the start
    /// span instead of ending it there, since the store gave the books what came before and "no data before the
    /// start" would no longer be true.
    /// </summary>
    public void DownSinceStored(DateTimeOffset from, string reason) => Down(from, reason, replacesStart: true);

    private void Down(DateTimeOffset from, string reason, bool replacesStart)
    {
        lock (_lock)
        {
            if (_open is { IsStart: true })
            {
                if (replacesStart)
                {
                    _open = null;
                }
                else
                {
                    Close(from);
                }
            }

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
            if (_open is null)
            {
                return;
            }

            Close(at);
            _lastUp = at;
        }
    }

    /// <summary>Seconds without the stream so far, the outage going on included up to <paramref name="now"/>.</summary>
    public double SecondsDown(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _endedSeconds + (_open is { IsStart: false } open && now > open.From ? (now - open.From).TotalSeconds : 0);
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

    private void Close(DateTimeOffset at)
    {
        var open = _open!.Value;
        var ended = open with { To = at > open.From ? at : open.From };
        if (!ended.IsStart)
        {
            _endedSeconds += (ended.To!.Value - ended.From).TotalSeconds;
        }

        _recent.Enqueue(ended);
        if (_recent.Count > MaxRecent)
        {
            _recent.Dequeue();
        }

        _open = null;
        _down = false;
        _version++;
    }
}
