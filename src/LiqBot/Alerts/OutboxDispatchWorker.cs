using LiqBot.Chat;
using LiqBot.Storage;
using Microsoft.Extensions.Options;

namespace LiqBot.Alerts;

/// <summary>
/// One loop per chat platform: claims due outbox messages under a lease and hands them to the
/// platform's sender. A message leaves the outbox only when the chat accepted it (or for good);
/// a crash mid-send leaves the lease to run out, and the message is sent after restart.
/// </summary>
internal sealed partial class OutboxDispatchWorker(
    IEnumerable<IChatSender> senders,
    IOutbox outbox,
    IDeliveryReport report,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatchWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(senders.Select(sender => DispatchLoopAsync(sender, stoppingToken)));

    /// <summary>Graceful shutdown: stops the loops, then sends what is already due, within Outbox:DrainTimeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(options.Value.DrainTimeout);
        try
        {
            foreach (var sender in senders)
            {
                while (await DispatchOnceAsync(sender, drain.Token) > 0)
                {
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException || drain.IsCancellationRequested)
        {
            LogDrainIncomplete(options.Value.DrainTimeout);
        }
    }

    /// <summary>One pass: claims a batch and sends it; returns how many were claimed.</summary>
    internal async Task<int> DispatchOnceAsync(IChatSender sender, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = await outbox.ClaimDueAsync(sender.Platform, settings.InstanceId, settings.BatchSize, settings.Lease, cancellationToken);
        var exhausted = batch.Where(m => m.Attempts > settings.MaxAttempts).ToList();
        foreach (var message in exhausted)
        {
            await report.FailedAsync(message, $"gave up after {message.Attempts - 1} attempts: {message.LastError}", cancellationToken);
        }

        var sendable = exhausted.Count == 0 ? batch : batch.Except(exhausted).ToList();
        if (sendable.Count > 0)
        {
            await sender.SendAsync(sendable, report, cancellationToken);
        }

        return batch.Count;
    }

    private async Task DispatchLoopAsync(IChatSender sender, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchOnceAsync(sender, stoppingToken) == 0)
                {
                    await signal.WaitAsync(options.Value.IdlePoll, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store or the sender failed; leases keep the messages safe. Back off and go on.
                LogPassFailed(e, sender.Platform);
                await Task.Delay(options.Value.IdlePoll * 5, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox not drained within {Timeout}; the rest is sent after restart")]
    private partial void LogDrainIncomplete(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch for {Platform} failed; retrying")]
    private partial void LogPassFailed(Exception exception, string platform);
}
