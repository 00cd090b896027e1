using LiqBot.Engine.Market;

namespace LiqBot.Workers;

/// <summary>
/// Logs the market events the engine refused without letting a poison stream flood the log. Per kind
/// (venue, record, exception type) the first failure is an Error with its reason; the ones after it are
/// counted and told as one Error a minute ("37 more ... in the last 1 min"), until a minute passes with
/// none, when the next one is first again. Stack traces only at Debug. One caller at a time (the market loop).
/// </summary>
internal sealed partial class EventFailureLog(ILogger logger, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(string Venue, string Record, string Error), Counted> _kinds = [];

    public void Failed(string venue, MarketEvent marketEvent, Exception error)
    {
        var now = time.GetUtcNow();
        Flush(now);
        var kind = (venue, marketEvent.GetType().Name, error.GetType().Name);
        if (_kinds.TryGetValue(kind, out var counted))
        {
            counted.More++;
            counted.LastReason = error.Message;
        }
        else
        {
            _kinds[kind] = new Counted(now);
            LogFirst(venue, kind.Item2, marketEvent.Symbol, marketEvent.Time, error.Message, kind.Item3);
        }

        LogDetail(error);
    }

    /// <summary>Tells the counts of the windows that ended by now; cheap while nothing failed.</summary>
    public void Flush()
    {
        if (_kinds.Count > 0)
        {
            Flush(time.GetUtcNow());
        }
    }

    /// <summary>Tells every count not yet told (the loop is ending).</summary>
    public void FlushAll() => Flush(DateTimeOffset.MaxValue);

    private void Flush(DateTimeOffset now)
    {
        foreach (var (kind, counted) in _kinds.Where(k => now - k.Value.Since >= Window).ToList())
        {
            if (counted.More == 0)
            {
                _kinds.Remove(kind);
                continue;
            }

            LogMore(counted.More, kind.Venue, kind.Record, kind.Error, counted.LastReason);
            (counted.Since, counted.More) = (now == DateTimeOffset.MaxValue ? counted.Since : now, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Market event skipped: {Venue} {Record} {Symbol} at {Time:u} failed ({Reason}); more {Error} failures of this kind are counted and told once a minute")]
    private partial void LogFirst(string venue, string record, string symbol, DateTimeOffset time, string reason, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Market events skipped: {Count} more {Venue} {Record} failures ({Error}) in the last minute, the last: {Reason}")]
    private partial void LogMore(int count, string venue, string record, string error, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Market event failure detail")]
    private partial void LogDetail(Exception exception);

    private sealed class Counted(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; set; } = since;

        public int More { get; set; }

        public string? LastReason { get; set; }
    }
}
