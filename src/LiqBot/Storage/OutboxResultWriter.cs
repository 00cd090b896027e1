namespace LiqBot.Storage;

/// <summary>
/// The one writer of delivery results in the process (group commit). A result is written as soon as
/// no write is in flight; results that arrive while one is, are written together in the next
/// transaction. So answers arriving in the same millisecond never queue on the database's write
/// lock one by one (SQLite has a single writer), and a result is committed within one write of its
/// arrival. <see cref="RecordAsync"/> returns only once the result is committed. A write that fails
/// (the store busy past its timeout, a dropped connection) is tried again a few times before its
/// callers hear of it: an acceptance that is not recorded is sent again.
/// </summary>
internal sealed class OutboxResultWriter(IOutbox outbox, TimeProvider time)
{
    private const int Attempts = 4;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private List<(OutboxResult Result, TaskCompletionSource<bool> Recorded)> _queued = [];
    private bool _writing;
    private long _transactions;
    private long _recorded;

    /// <summary>Transactions committed so far (with <see cref="Recorded"/>, how well results were grouped).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Results committed so far.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>Completes once <paramref name="result"/> is committed: true if the message was still pending and so changed.</summary>
    public Task<bool> RecordAsync(OutboxResult result)
    {
        var recorded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _queued.Add((result, recorded));
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            // Not on the caller's thread: the answers that come in meanwhile join this write or the next.
            _ = Task.Run(WriteQueuedAsync);
        }

        return recorded.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<(OutboxResult Result, TaskCompletionSource<bool> Recorded)> batch;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _queued;
                _queued = [];
            }

            try
            {
                // Never cancelled: a chat accepted these, and an unrecorded acceptance is sent again.
                var changed = await WriteWithRetriesAsync([.. batch.Select(b => b.Result)]);
                Interlocked.Add(ref _recorded, batch.Count);
                Interlocked.Increment(ref _transactions);

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Recorded.SetResult(changed[i]);
                }
            }
            catch (Exception e)
            {
                // Each caller learns of the failure as if it had written alone; its message stays leased.
                foreach (var (_, recorded) in batch)
                {
                    recorded.SetException(e);
                }
            }
        }
    }

    private async Task<IReadOnlyList<bool>> WriteWithRetriesAsync(IReadOnlyList<OutboxResult> results)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await outbox.RecordAsync(results, CancellationToken.None);
            }
            catch (Exception e) when (attempt < Attempts && e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                await Task.Delay(FirstRetryDelay * (1 << (attempt - 1)), time);
            }
        }
    }
}
