using System.Runtime.CompilerServices;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Storage;
using LiqBot.Tests.Chat.Telegram;
using LiqBot.Tests.TestSupport;
using LiqBot.Workers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Workers;

/// <summary>The writer of realized liquidations on a real SQLite file: a store that fails, a queue that overflows.</summary>
public sealed class RealizedWriterWorkerTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = TestClock.New();
    private readonly TestLogSink _log = new();
    private readonly FeedCounters _bybit = new();
    private readonly LoggerFactory _loggers;
    private StorageDatabase _database = null!;
    private SqlRealizedStore _store = null!;
    private RealizedWriterWorker _writer = null!;

    public RealizedWriterWorkerTests() => _loggers = new LoggerFactory([_log]);

    public async Task InitializeAsync()
    {
        _database = StorageDatabase.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("liqbot.db") }, _clock, NullLoggerFactory.Instance);
        await _database.EnsureMigratedAsync(None);
        _store = new SqlRealizedStore(_database);
        var source = new SupervisedMarketSource(new CountedSource(_bybit), new MarketRecordFilter(_clock, NullLogger<MarketRecordFilter>.Instance), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), _clock, NullLogger<SupervisedMarketSource>.Instance);
        _writer = new RealizedWriterWorker(_store, new VenueFeeds([new VenueFeed(Venue.Bybit, source)]), new ModelOptions(), _clock, _loggers.CreateLogger<RealizedWriterWorker>());
    }

    public async Task DisposeAsync()
    {
        _writer.Dispose();
        _loggers.Dispose();
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task StoreFailing_KeepsTheBatch_WarnsOnceAMinute_AndWritesItWhenTheStoreIsBack()
    {
        await SqlAsync("ALTER TABLE realized_liquidations RENAME TO hidden");
        _writer.Record(Venue.Bybit, "BTCUSDT", Liquidation(0));
        await _writer.FlushAsync(None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        _writer.Record(Venue.Bybit, "BTCUSDT", Liquidation(1));
        await _writer.FlushAsync(None);

        Assert.Single(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Realized liquidations not stored yet (1 waiting", StringComparison.Ordinal));
        Assert.Empty(await _store.LoadLiveUntilAsync(None)); // nothing claimed stored while the batch is not

        await SqlAsync("ALTER TABLE hidden RENAME TO realized_liquidations");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _writer.FlushAsync(None);

        Assert.Equal([Liquidation(0), Liquidation(1)], (await _store.LoadAsync("bybit", "BTCUSDT", _clock.GetUtcNow().AddDays(-1), 10, None)).Liquidations);
        Assert.Equal(2, _writer.Written);
        Assert.Equal(_clock.GetUtcNow(), (await _store.LoadLiveUntilAsync(None))["bybit"]);
    }

    [Fact]
    public async Task QueueFull_DropsWithoutWaiting_StoresTheLostSpanAsAnOutage_AndClaimsNothingStoredUntilTheBacklogIsWritten()
    {
        for (var i = 0; i < RealizedWriterWorker.QueueCapacity; i++)
        {
            _writer.Record(Venue.Bybit, "BTCUSDT", Liquidation(i % 1000, usd: 1 + (i / 1000)));
        }

        _writer.Record(Venue.Bybit, "BTCUSDT", Liquidation(5_000)); // one too many: dropped at once
        Assert.Equal(1, _writer.Dropped);

        await _writer.FlushAsync(None);
        Assert.Empty(await _store.LoadLiveUntilAsync(None)); // a backlog is still queued
        var lost = Assert.Single(await _store.LoadOutagesAsync(_clock.GetUtcNow().AddDays(-1), None));
        Assert.Equal(("bybit", Liquidation(5_000).Time, "not stored"), (lost.Venue, lost.From, lost.Reason));

        for (var flushes = 1; flushes * RealizedWriterWorker.MaxBatch < RealizedWriterWorker.QueueCapacity; flushes++)
        {
            await _writer.FlushAsync(None);
        }

        await _writer.FlushAsync(None);
        Assert.Equal(RealizedWriterWorker.QueueCapacity, _writer.Written);
        Assert.Equal(_clock.GetUtcNow(), (await _store.LoadLiveUntilAsync(None))["bybit"]);
    }

    private RealizedLiquidation Liquidation(int second, double usd = 1_000) =>
        new(TestClock.Start.AddSeconds(second), second % 2 == 0 ? PositionSide.Long : PositionSide.Short, 60_000 + second, usd);

    private async Task SqlAsync(string sql)
    {
        await using var connection = await _database.OpenAsync(None);
        await using var command = connection.Sql(sql);
        await command.ExecuteNonQueryAsync(None);
    }

    /// <summary>A live venue that only has counters (its outages, none yet).</summary>
    private sealed class CountedSource(FeedCounters counters) : IMarketSource
    {
        public FeedStatus Status => new(FeedState.Live, TestClock.Start);

        public FeedCounters? Counters => counters;

        public bool IsFinite => false;

        public async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }
    }
}
