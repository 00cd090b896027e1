using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Operations;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Alerts;

/// <summary>
/// Short leases kept alive by the dispatcher's heartbeat, and retries that do not wait for a long batch:
/// a real SQLite outbox, a sender the test holds mid-batch, and a manual clock.
/// </summary>
public sealed class OutboxLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = new OutboxOptions().Lease;
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = TestClock.New();
    private readonly StoreInstance _store;

    public OutboxLeaseTests() =>
        _store = new StoreInstance(new SqliteStorageDatabase(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("outbox.db") }, _clock, NullLogger<SqliteStorageDatabase>.Instance));

    [Fact]
    public async Task ABatchLongerThanTheLease_StaysLeasedWhileItsProcessLives_AndADeadProcessesClaimComesBackAfterOneLease()
    {
        var (live, sender, pass) = await StartHeldBatchAsync();

        // Four leases long, with a beat every third of one: nobody else may claim it meanwhile.
        for (var beat = 0; beat < 12; beat++)
        {
            _clock.Advance(Lease / 3);
            Assert.Equal(1, await live.RenewLeasesAsync(CancellationToken.None));
            Assert.Empty(await _store.Outbox.ClaimDueAsync(ChatPlatforms.Console, "other/1", 10, Lease, CancellationToken.None));
        }

        sender.Release.SetResult();
        Assert.Equal(1, await pass);
        Assert.Equal(0, await live.RenewLeasesAsync(CancellationToken.None));

        // A process killed mid-batch renews nothing: its messages are claimable one lease later, not after the longest batch.
        await EnqueueAsync("orphaned", "2");
        Assert.Single(await _store.Outbox.ClaimDueAsync(ChatPlatforms.Console, "killed/1", 10, Lease, CancellationToken.None));
        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await _store.Outbox.ClaimDueAsync(ChatPlatforms.Console, "restarted/1", 10, Lease, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("orphaned", Assert.Single(await _store.Outbox.ClaimDueAsync(ChatPlatforms.Console, "restarted/1", 10, Lease, CancellationToken.None)).DedupeKey);
    }

    [Fact]
    public async Task ABatchWhoseLeaseIsNotRenewed_StopsStartingSendsWhileTheLeaseStillHolds()
    {
        var (_, sender, pass) = await StartHeldBatchAsync();

        // No heartbeat reached the store (none is run here): two thirds into the lease the batch is told to stop.
        _clock.Advance(Lease * 2 / 3 - TimeSpan.FromMilliseconds(1));
        Assert.False(sender.Stopped.Task.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await sender.Stopped.Task.WaitAsync(Eventually.Floor);

        // Its lease still holds, so nobody else has sent it meanwhile; the send in hand finishes and is recorded.
        Assert.Empty(await _store.Outbox.ClaimDueAsync(ChatPlatforms.Console, "other/1", 10, Lease, CancellationToken.None));
        sender.Release.SetResult();
        Assert.Equal(1, await pass);
        Assert.Equal(0, await _store.Outbox.CountPendingAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task ACutAnswer_IsSentAgainWhileTheRestOfItsBatchIsStillGoing()
    {
        await EnqueueAsync("cut", "1");
        await EnqueueAsync("slow", "2");
        var sender = new HeldSender { CutOnce = "cut" };
        var worker = Dispatcher(sender, "live");
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await sender.Started.Task.WaitAsync(Eventually.Floor);

            // "slow" holds the batch; "cut" was reported for a retry in 2 s and must go out within it.
            await Eventually.TrueAsync(
                () =>
                {
                    _clock.Advance(TimeSpan.FromSeconds(1));
                    return sender.Delivered.Contains("cut");
                },
                Eventually.Floor,
                "the cut message to be sent again while its batch is held");
            Assert.DoesNotContain("slow", sender.Delivered);
        }
        finally
        {
            sender.Release.TrySetResult();
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["cut", "slow"], sender.Delivered.Order());
        Assert.Equal(0, await _store.Outbox.CountPendingAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task ACommandReplyQueuedDuringALongBatch_IsSentBesideItAtTheSignal_WithoutTheClockMoving()
    {
        await EnqueueAsync("slow", "1");
        var signal = new OutboxSignal();
        var sender = new HeldSender();
        var worker = Dispatcher(sender, "live", signal);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await sender.Started.Task.WaitAsync(Eventually.Floor);

            // The clock stands still, so Outbox:IdlePoll never passes: only the signal can bring the reply out.
            await _store.Outbox.EnqueueAsync(new OutboxEnvelope("tg-update:LiqBot:1:0", new ChatAddress(ChatPlatforms.Console, "2"), OutboxMessageKind.Reply, "answer"), CancellationToken.None);
            signal.Notify();
            await Eventually.TrueAsync(() => sender.Delivered.Contains("tg-update:LiqBot:1:0"), Eventually.Floor, "the reply sent while the batch is held");
            Assert.DoesNotContain("slow", sender.Delivered);
        }
        finally
        {
            sender.Release.TrySetResult();
            await worker.StopAsync(CancellationToken.None);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _store.Database.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>One message claimed by a dispatcher whose sender holds it until released.</summary>
    private async Task<(OutboxDispatchWorker Dispatcher, HeldSender Sender, Task<int> Pass)> StartHeldBatchAsync()
    {
        await EnqueueAsync("held", "1");
        var sender = new HeldSender();
        var dispatcher = Dispatcher(sender, "live");
        var pass = dispatcher.DispatchOnceAsync(sender, CancellationToken.None);
        await sender.Started.Task.WaitAsync(Eventually.Floor);
        return (dispatcher, sender, pass);
    }

    private Task EnqueueAsync(string key, string chatId) =>
        _store.Outbox.EnqueueAsync(new OutboxEnvelope(key, new ChatAddress(ChatPlatforms.Console, chatId), OutboxMessageKind.Alert, key), CancellationToken.None);

    private OutboxDispatchWorker Dispatcher(IChatSender sender, string instanceId, OutboxSignal? signal = null)
    {
        var report = new OutboxDeliveryReport(new OutboxResultWriter(_store.Outbox, TimeProvider.System), _store.Subscriptions, TestMetrics.New(), _clock, NullLogger<OutboxDeliveryReport>.Instance);
        var options = Options.Create(new OutboxOptions { InstanceId = instanceId, DrainTimeout = TimeSpan.Zero });
        return new OutboxDispatchWorker([sender], _store.Outbox, report, signal ?? new OutboxSignal(), options, _clock, NullLogger<OutboxDispatchWorker>.Instance);
    }

    /// <summary>
    /// Holds every batch that has a message other than <see cref="CutOnce"/> or a command reply until released; reports
    /// <see cref="CutOnce"/> the first time as a cut answer (retry in 2 s), then as sent, and replies as sent at once.
    /// </summary>
    private sealed class HeldSender : IChatSender
    {
        private int _cut;

        public string? CutOnce { get; init; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<string> Delivered { get; } = new();

        public string Platform => ChatPlatforms.Console;

        public async Task SendAsync(IReadOnlyList<OutboxMessage> batch, IDeliveryReport report, CancellationToken cancellationToken)
        {
            foreach (var message in batch.Where(m => m.DedupeKey == CutOnce))
            {
                if (Interlocked.Exchange(ref _cut, 1) == 0)
                {
                    await report.RetryLaterAsync(message, TimeSpan.FromSeconds(2), "connection cut after the request was sent", cancellationToken);
                }
                else
                {
                    Delivered.Enqueue(message.DedupeKey);
                    await report.SentAsync(message, cancellationToken);
                }
            }

            foreach (var reply in batch.Where(m => m.Kind == OutboxMessageKind.Reply))
            {
                Delivered.Enqueue(reply.DedupeKey);
                await report.SentAsync(reply, cancellationToken);
            }

            var held = batch.Where(m => m.DedupeKey != CutOnce && m.Kind != OutboxMessageKind.Reply).ToList();
            if (held.Count > 0)
            {
                await using var stopped = cancellationToken.Register(() => Stopped.TrySetResult());
                Started.TrySetResult();
                await Release.Task;
                foreach (var message in held)
                {
                    Delivered.Enqueue(message.DedupeKey);
                    await report.SentAsync(message, cancellationToken);
                }
            }
        }
    }
}
