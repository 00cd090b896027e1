using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// Keeps malformed and implausible records from the engine: each is counted by kind and skipped, with
/// one warning line per kind per minute (a venue sending garbage must not flood the log), and the
/// feed goes on. Called from the one stream consumer; counters may be read from any thread.
/// </summary>
public sealed partial class MarketRecordFilter(TimeProvider time, ILogger<MarketRecordFilter> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private static readonly int KindCount = Enum.GetValues<SkippedRecordKind>().Length;

    private readonly MarketRecordCheck _check = new();
    private readonly long[] _skipped = new long[KindCount];
    private readonly long[] _sinceWarning = new long[KindCount];
    private readonly DateTimeOffset?[] _lastWarning = new DateTimeOffset?[KindCount];

    public long Skipped(SkippedRecordKind kind) => Interlocked.Read(ref _skipped[(int)kind]);

    /// <summary>True when the record may go to the engine.</summary>
    public bool Admit(MarketEvent marketEvent)
    {
        if (_check.Problem(marketEvent) is not { } kind)
        {
            return true;
        }

        var index = (int)kind;
        Interlocked.Increment(ref _skipped[index]);
        _sinceWarning[index]++;
        var now = time.GetUtcNow();
        if (_lastWarning[index] is not { } last || now - last >= WarningInterval)
        {
            LogSkipped(_sinceWarning[index], kind, marketEvent.Symbol, marketEvent.Time, marketEvent.GetType().Name);
            _lastWarning[index] = now;
            _sinceWarning[index] = 0;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} market record(s) as {Kind} since the last such warning, the latest a {Symbol} {Record} at {Time:u}; the feed goes on")]
    private partial void LogSkipped(long count, SkippedRecordKind kind, string symbol, DateTimeOffset time, string record);
}
