using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Alerts;

/// <summary>
/// The process's one writer of delivery results over a real SQLite file: answers that arrive together
/// are committed together, and a caller returns only once its result is committed.
/// </summary>
public sealed class OutboxResultWriterTests : IAsyncLifetime
{
    private static readonly ChatAddress[] Chats = [.. Enumerable.Range(1, 100).Select(i => new ChatAddress(ChatPlatforms.Telegram, $"{i}"))];
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = TestClock.New();
    private readonly StoreInstance _store;

    public OutboxResultWriterTests()
    {
        // A generous busy timeout: the test holds the write lock on purpose, and a loaded machine must not turn that into a failure.
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("outbox.db"), BusyTimeout = TimeSpan.FromMinutes(2) };
        _store = new StoreInstance(new SqliteStorageDatabase(options, _clock, NullLogger<SqliteStorageDatabase>.Instance));
    }

    [Fact]
    public async Task AnswersArrivingWhileTheStoreIsBusy_AreCommittedInOneTransaction_BeforeAnyCallerReturns()
    {
        var claimed = await EnqueueAndClaimAsync();
        var writer = new OutboxResultWriter(_store.Outbox, TimeProvider.System);

        // Another writer holds SQLite's write lock: every answer that comes in meanwhile must wait for it,
        // and they must then go in together rather than queue on the lock one by one.
        var recorded = new List<Task<bool>>();
        await using (var connection = await _store.Database.OpenAsync(CancellationToken.None))
        await using (var busy = await _store.Database.BeginWriteAsync(connection, CancellationToken.None))
        {
            recorded.AddRange(claimed.Select(message => writer.RecordAsync(OutboxResult.Sent(message.Id))));
            Assert.All(recorded, task => Assert.False(task.IsCompleted));
            await busy.RollbackAsync();
        }

        Assert.All(await Task.WhenAll(recorded), Assert.True);
        Assert.Equal(claimed.Count, writer.Recorded);
        // The first write may have taken what had arrived when it started; everything else went in the second.
        Assert.InRange(writer.Transactions, 1, 2);
        Assert.Equal(0, await _store.Outbox.CountPendingAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task EachAnswer_IsCommittedWhenItsCallReturns_EvenWhenTheyComeOneByOne()
    {
        var claimed = await EnqueueAndClaimAsync();
        var writer = new OutboxResultWriter(_store.Outbox, TimeProvider.System);

        foreach (var message in claimed.Take(3))
        {
            Assert.True(await writer.RecordAsync(OutboxResult.Sent(message.Id)));
            // Committed, not merely queued: a kill from here on cannot send it again.
            var stored = await _store.Outbox.GetAsync(message.Id, CancellationToken.None);
            Assert.Equal(OutboxMessageState.Sent, stored?.State);
        }

        Assert.Equal(3, writer.Transactions);
        Assert.False(await writer.RecordAsync(OutboxResult.Sent(claimed[0].Id)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _store.Database.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<IReadOnlyList<OutboxMessage>> EnqueueAndClaimAsync()
    {
        foreach (var chat in Chats)
        {
            await _store.Outbox.EnqueueAsync(new OutboxEnvelope("cascade:1", chat, OutboxMessageKind.Alert, "BTCUSDT cascade: est. $12M"), CancellationToken.None);
        }

        return await _store.Outbox.ClaimDueAsync(ChatPlatforms.Telegram, "test/1", Chats.Length, TimeSpan.FromSeconds(30), CancellationToken.None);
    }
}
