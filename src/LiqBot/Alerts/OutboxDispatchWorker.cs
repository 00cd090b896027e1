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
    ILogger<OutboxDispatchWorker> logger,
    AlertImageAttacher? images = null) : BackgroundService
{
    // Cancels sends only when the drain runs out of time: a batch in flight at shutdown is finished,
    // since a message claimed and abandoned stays leased and would wait for the next start.
    private readonly CancellationTokenSource _sending = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(senders.Select(sender => DispatchLoopAsync(sender, stoppingToken)));

    /// <summary>Graceful shutdown: the loops finish their batch, then what is already due is sent, within Outbox:DrainTimeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _sending.CancelAfter(options.Value.DrainTimeout);
        await using var hostGaveUp = cancellationToken.Register(_sending.Cancel);
        await base.StopAsync(cancellationToken);
        try
        {
            foreach (var sender in senders)
            {
                while (await DispatchOnceAsync(sender, _sending.Token) > 0)
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
            LogDrainIncomplete(options.Value.DrainTimeout);
        }
    }

    public override void Dispose()
    {
        _sending.Dispose();
        base.Dispose();
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
            await sender.SendAsync(images is null ? sendable : await images.AttachAsync(sendable, cancellationToken), report, cancellationToken);
        }

        return batch.Count;
    }

    private async Task DispatchLoopAsync(IChatSender sender, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchOnceAsync(sender, _sending.Token) == 0)
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
