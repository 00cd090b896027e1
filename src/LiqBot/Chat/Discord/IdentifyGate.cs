namespace LiqBot.Chat.Discord;

/// <summary>
/// Spaces Identify calls: at most max_concurrency per 5 seconds (one shard per process: one per
/// Discord:IdentifyInterval), and none while session_start_limit says the daily budget is spent.
/// </summary>
internal sealed partial class IdentifyGate(TimeSpan interval, TimeProvider time, ILogger logger)
{
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _budgetResetsAt = DateTimeOffset.MinValue;

    public void ObserveStartLimit(int remaining, TimeSpan resetAfter)
    {
        if (remaining <= 0)
        {
            _budgetResetsAt = time.GetUtcNow() + resetAfter;
            LogBudgetSpent(resetAfter);
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = _next > _budgetResetsAt ? _next : _budgetResetsAt;
        if (until > now)
        {
            await Task.Delay(until - now, time, cancellationToken);
        }

        _next = time.GetUtcNow() + interval;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord identify budget spent (session_start_limit.remaining 0); waiting {ResetAfter} before identifying")]
    private partial void LogBudgetSpent(TimeSpan resetAfter);
}
