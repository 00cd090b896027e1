using LiqBot.Alerts;
using LiqBot.Storage;
using Quartz;

namespace LiqBot.Scheduling;

/// <summary>
/// Keeps one Quartz job per chat with a summary schedule, in step with the store: on start (so
/// schedules survive restarts) and whenever settings change. Intervals fire on multiples of the
/// interval since the Unix epoch (every 4h: 00:00, 04:00, ... UTC); cron expressions run in UTC.
/// </summary>
internal sealed partial class SummaryScheduler(
    ISchedulerFactory schedulers,
    ISubscriptionStore store,
    SubscriptionChanges changes,
    TimeProvider time,
    ILogger<SummaryScheduler> logger) : BackgroundService
{
    private const string Group = "summaries";
    private const string ScheduleKey = "schedule";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var synced = -1L;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), time);
        do
        {
            if (changes.Version != synced)
            {
                synced = changes.Version;
                try
                {
                    await SyncAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSyncFailed(e);
                    synced = -1;
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    internal async Task SyncAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var wanted = (await store.ListScheduledSummariesAsync(cancellationToken)).ToDictionary(s => new JobKey(s.Chat.ToString(), Group));
        var existingJobs = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group), Take = 100_000 }, cancellationToken);
        foreach (var existing in existingJobs.Items.Select(h => h.Key))
        {
            var detail = await scheduler.GetJobDetail(existing, cancellationToken);
            // Jobs stored before recovery was requested are replaced too, so every node's firings are recoverable.
            if (!wanted.TryGetValue(existing, out var summary) || detail?.JobDataMap.GetString(ScheduleKey) != summary.Schedule.Text || detail?.RequestsRecovery != true)
            {
                await scheduler.DeleteJob(existing, cancellationToken);
            }
        }

        foreach (var (key, summary) in wanted)
        {
            if (await scheduler.Exists(key, cancellationToken))
            {
                continue;
            }

            // Requests recovery: when the node running a firing dies (clustered store), another node runs that
            // firing again under its original scheduled time, which the outbox key holds, so it is posted once.
            var job = JobBuilder.Create<SummaryJob>().WithIdentity(key).RequestRecovery()
                .UsingJobData(SummaryJob.PlatformKey, summary.Chat.Platform)
                .UsingJobData(SummaryJob.ChatIdKey, summary.Chat.ChatId)
                .UsingJobData(ScheduleKey, summary.Schedule.Text)
                .Build();
            try
            {
                await scheduler.ScheduleJob(job, Trigger(key, summary.Schedule), new ScheduleJobOptions(), cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another instance sharing the clustered store scheduled it first.
            }
        }
    }

    private ITrigger Trigger(JobKey key, SummarySchedule schedule)
    {
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group);
        if (schedule.Interval is { } interval)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(((now.UtcTicks / interval.Ticks) + 1) * interval.Ticks, TimeSpan.Zero);
            return trigger.StartAt(next).WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build();
        }

        return trigger.WithCronSchedule(schedule.CronExpression!, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary schedules could not be synced; retrying")]
    private partial void LogSyncFailed(Exception exception);
}
