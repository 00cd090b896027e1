using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Workers;

/// <summary>Releases symbols tracked on demand once idle (see <see cref="SymbolTracker.ReleaseIdleAsync"/>), checking every minute.</summary>
internal sealed partial class IdleSymbolWorker(SymbolTracker tracker, TimeProvider time, ILogger<IdleSymbolWorker> logger) : BackgroundService
{
    // Fine enough against idle times of minutes to hours; each pass is one query and a few comparisons.
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await tracker.ReleaseIdleAsync(stoppingToken);
                }
                catch (Exception e) when (e is StorageException or System.Data.Common.DbException)
                {
                    LogFailed(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idle symbols not released this time: subscriptions could not be read ({Reason})")]
    private partial void LogFailed(string reason);
}
