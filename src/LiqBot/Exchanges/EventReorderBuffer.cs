using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// Puts one symbol's events back in time order. Bybit's streams interleave with lags (allLiquidation
/// is batched every 500 ms), so a liquidation can arrive after a later trade closed its bar; events
/// are held until the newest time seen is <c>window</c> past them, then released oldest first (stable).
/// </summary>
internal sealed class EventReorderBuffer(TimeSpan window)
{
    private readonly List<MarketEvent> _pending = [];
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;

    public int Count => _pending.Count;

    public void Add(MarketEvent e, List<MarketEvent> released)
    {
        // Insert after every event with the same or an earlier time: stable for equal times.
        int lo = 0, hi = _pending.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_pending[mid].Time <= e.Time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        _pending.Insert(lo, e);
        if (e.Time > _watermark)
        {
            _watermark = e.Time;
        }

        var cutoff = _watermark - window;
        var ready = 0;
        while (ready < _pending.Count && _pending[ready].Time <= cutoff)
        {
            ready++;
        }

        if (ready > 0)
        {
            released.AddRange(_pending.Take(ready));
            _pending.RemoveRange(0, ready);
        }
    }

    /// <summary>
    /// Events released around the buffer (held for a gap backfill, then merged) were seen too: a later
    /// event older than them by more than the window has nothing left to wait for.
    /// </summary>
    public void Saw(DateTimeOffset time)
    {
        if (time > _watermark)
        {
            _watermark = time;
        }
    }

    public void Flush(List<MarketEvent> released)
    {
        released.AddRange(_pending);
        _pending.Clear();
    }
}
