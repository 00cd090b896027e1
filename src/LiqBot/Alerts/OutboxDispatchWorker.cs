using System.Collections.Concurrent;
using System.Data.Common;
using LiqBot.Chat;
using LiqBot.Storage;
using Microsoft.Extensions.Options;

namespace LiqBot.Alerts;

/// <summary>
/// One loop per chat platform: claims due outbox messages under a lease and hands them to the
/// platform's sender. A message leaves the outbox only when the chat accepted it (or for good);
/// a crash mid-send leaves the lease to run out, and the message is sent after restart.
/// Each batch is claimed under a lease owner of its own, renewed by a heartbeat while the batch is
/// being sent, so the lease can be short (a dead process's messages wait Outbox:Lease, not the
/// longest batch) and still never runs out under a live sender. While a long batch is being sent,
/// messages that failed and came due again (a cut answer, a 429) and command replies are claimed and sent
/// alongside it, replies as soon as they are queued (the signal), so an answer never waits out a fan-out.
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

    // The heartbeat outlives the loops: it stops only after the drain, whose batches are leased too.
    private readonly CancellationTokenSource _heartbeatStop = new();
    private Task _heartbeat = Task.CompletedTask;

    // The lease owners of the batches being sent now; the heartbeat renews exactly these.
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _batchesInFlight = new(StringComparer.Ordinal);
    private long _batchSequence;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _heartbeat = HeartbeatLoopAsync(_heartbeatStop.Token);
        return Task.WhenAll(senders.Select(sender => DispatchLoopAsync(sender, stoppingToken)));
    }

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
        finally
        {
            await _heartbeatStop.CancelAsync();
            await _heartbeat;
        }
    }

    public override void Dispose()
    {
        _heartbeatStop.Dispose();
        _sending.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// One pass: claims a batch (with <paramref name="urgentOnly"/>, only messages that failed before and command
    /// replies) and sends it; returns how many were claimed.
    /// </summary>
    internal async Task<int> DispatchOnceAsync(IChatSender sender, CancellationToken cancellationToken, bool urgentOnly = false)
    {
        var settings = options.Value;
        var leaseOwner = settings.InstanceId + "/" + Interlocked.Increment(ref _batchSequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The fence: no new send starts once the lease may be about to run out (a heartbeat that could not
        // reach the store in time), so another claimer never sends what this batch is still sending.
        using var fence = new CancellationTokenSource(Fenced(settings.Lease), time);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, fence.Token);
        _batchesInFlight[leaseOwner] = fence;
        try
        {
            var batch = await outbox.ClaimDueAsync(sender.Platform, leaseOwner, settings.BatchSize, settings.Lease, cancellationToken, urgentOnly);
            try
            {
                await SendAsync(sender, batch, sending.Token);
            }
            catch (OperationCanceledException) when (fence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // What was not reported stays leased and is claimed again when the lease runs out.
            }

            if (fence.IsCancellationRequested)
            {
                LogFenced(leaseOwner);
            }

            return batch.Count;
        }
        finally
        {
            // What is still leased now (a result that could not be recorded) runs out with its lease and is claimed again.
            _batchesInFlight.TryRemove(leaseOwner, out _);
        }
    }

    /// <summary>The heartbeat's one beat: extends the leases of every batch being sent, and their fences; returns how many messages.</summary>
    internal async Task<int> RenewLeasesAsync(CancellationToken cancellationToken)
    {
        var lease = options.Value.Lease;
        var renewed = 0;
        foreach (var (leaseOwner, fence) in _batchesInFlight)
        {
            var fencedAt = time.GetUtcNow() + Fenced(lease);
            renewed += await outbox.RenewLeaseAsync(leaseOwner, lease, cancellationToken);
            var left = fencedAt - time.GetUtcNow();
            try
            {
                if (left > TimeSpan.Zero && !fence.IsCancellationRequested)
                {
                    fence.CancelAfter(left);
                }
            }
            catch (ObjectDisposedException)
            {
                // The batch ended meanwhile.
            }
        }

        return renewed;
    }

    // Two thirds of the lease: an answer that started before the fence has the last third to arrive.
    private static TimeSpan Fenced(TimeSpan lease) => lease * 2 / 3;

    private async Task SendAsync(IChatSender sender, IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
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
    }

    private async Task DispatchLoopAsync(IChatSender sender, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = DispatchOnceAsync(sender, _sending.Token);
                var woken = false;
                while (!pass.IsCompleted)
                {
                    // A retry (after a cut answer, say) or a command reply (queued with a signal) need not wait for the
                    // rest of a long batch. Not cancelled by the stop: a batch in flight at shutdown is finished, as StopAsync expects.
                    using var passEnded = new CancellationTokenSource();
                    var wake = signal.WaitAsync(options.Value.IdlePoll, time, passEnded.Token, sender.Platform);
                    await Task.WhenAny(pass, wake);
                    // No waiter is left behind when the pass ends: it would take the next signal from the idle wait below.
                    await passEnded.CancelAsync();
                    woken = await WokenAsync(wake);
                    if (!pass.IsCompleted && !stoppingToken.IsCancellationRequested)
                    {
                        await DispatchOnceAsync(sender, _sending.Token, urgentOnly: true);
                    }
                }

                if (await pass == 0 && !woken)
                {
                    await signal.WaitAsync(options.Value.IdlePoll, time, stoppingToken, sender.Platform);
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

    private static async Task<bool> WokenAsync(Task<bool> wake)
    {
        try
        {
            return await wake;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.Lease / 3, time, stopping);
                await RenewLeasesAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or StorageException or TimeoutException or InvalidOperationException)
            {
                // Two more beats before the lease runs out; the next one may reach the store again.
                LogRenewFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox batch {LeaseOwner} stopped sending: its lease was not renewed in time; the rest is sent again later")]
    private partial void LogFenced(string leaseOwner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the outbox leases; retrying at the next beat")]
    private partial void LogRenewFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox not drained within {Timeout}; the rest is sent after restart")]
    private partial void LogDrainIncomplete(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch for {Platform} failed; retrying")]
    private partial void LogPassFailed(Exception exception, string platform);
}
