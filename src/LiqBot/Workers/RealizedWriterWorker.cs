using System.Threading.Channels;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Storage;

namespace LiqBot.Workers;

/// <summary>
/// Keeps the realized liquidations the venues stream in the store, so a restart does not lose them. The feed
/// hands each one over without waiting (<see cref="Record"/>); once a second the queue is written in one
/// transaction with the venues' outages (when they changed) and how far each stream was live. Once an hour rows
/// older than the longest window, or beyond what a book holds (Model:MaxRealizedPoints), are deleted. A store that
/// fails is retried with the next batch and warned about once a minute; what no longer fits is dropped and its
/// span stored as an outage ("not stored"), so after a restart the gap is told, never shown as a quiet market.
/// Live venues only: a replay re-reads its file.
/// </summary>
internal sealed partial class RealizedWriterWorker(IRealizedStore store, VenueFeeds feeds, ModelOptions options, TimeProvider time, ILogger<RealizedWriterWorker> logger) : BackgroundService
{
    public const int QueueCapacity = 131_072;
    public const int MaxBatch = 20_000;
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    /// <summary>The realized history's longest window: older rows are never shown.</summary>
    public static readonly TimeSpan Retention = TimeWindow.Longest.Span;

    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StopFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<StoredLiquidation> _queue = Channel.CreateBounded<StoredLiquidation>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly List<StoredLiquidation> _pending = [];
    private readonly Lock _unstoredLock = new();
    private readonly Dictionary<string, FeedOutage> _unstored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _outageVersions = new(StringComparer.Ordinal);
    private readonly HashSet<(string Venue, string Symbol)> _books = [];
    private readonly List<VenueFeed> _live = feeds.All.Where(f => f.Venue != Venue.Replay).ToList();
    private DateTimeOffset? _lastWarning;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;
    private long _written;
    private long _dropped;

    public bool Enabled => _live.Count > 0;

    /// <summary>Liquidations stored so far by this process.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Liquidations that could not be stored (queue full, or the store failing for too long).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues one liquidation to be stored; never waits. A full queue drops it and marks its time as not stored.</summary>
    public void Record(Venue venue, string symbol, in RealizedLiquidation liquidation)
    {
        if (venue == Venue.Replay)
        {
            return;
        }

        var item = new StoredLiquidation(venue.Key, symbol, liquidation);
        if (!_queue.Writer.TryWrite(item))
        {
            NoteUnstored(item);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // A graceful stop writes what is queued.
        using var last = new CancellationTokenSource(StopFlushTimeout, time);
        await FlushAsync(last.Token);
    }

    /// <summary>Writes what is queued, the outages that changed and how far each live stream reached, in one transaction.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Read before draining: whatever the feed handed over before now is then in this batch.
        var liveUntil = _live.Where(f => f.Source.Counters is { Outages.IsDown: false }).ToDictionary(f => f.Venue.Key, _ => now, StringComparer.Ordinal);
        while (_pending.Count < MaxBatch && _queue.Reader.TryRead(out var item))
        {
            _pending.Add(item);
        }

        if (_queue.Reader.Count > 0)
        {
            liveUntil.Clear(); // a backlog is left for the next batch: nothing may be claimed stored yet
        }

        var versions = _live.Where(f => f.Source.Counters is not null).ToDictionary(f => f.Venue.Key, f => f.Source.Counters!.Outages.Version, StringComparer.Ordinal);
        var outages = _live.Where(f => f.Source.Counters is not null && versions[f.Venue.Key] != _outageVersions.GetValueOrDefault(f.Venue.Key))
            .SelectMany(f => f.Source.Counters!.Outages.Snapshot(f.Venue.Key))
            .Where(o => o.From >= now - Retention) // a span with no known start (before anything was received) is not a stored fact
            .ToList();
        List<FeedOutage> unstored;
        lock (_unstoredLock)
        {
            unstored = [.. _unstored.Values];
        }

        outages.AddRange(unstored);
        if (_pending.Count == 0 && outages.Count == 0 && liveUntil.Count == 0)
        {
            return;
        }

        try
        {
            await store.WriteAsync(new RealizedBatch(_pending, outages, liveUntil), cancellationToken);
            Interlocked.Add(ref _written, _pending.Count);
            _pending.ForEach(l => _books.Add((l.Venue, l.Symbol)));
            _pending.Clear();
            foreach (var (venue, version) in versions)
            {
                _outageVersions[venue] = version;
            }

            ForgetUnstored(unstored);
            if (now - _lastPrune >= PruneInterval)
            {
                _lastPrune = now;
                await store.PruneAsync(now - Retention, cancellationToken);
                foreach (var (venue, symbol) in _books)
                {
                    await store.TrimAsync(venue, symbol, options.MaxRealizedPoints, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (_lastWarning is not { } last || now - last >= WarningInterval)
            {
                _lastWarning = now;
                LogWriteFailed(_pending.Count, e.GetType().Name, e.Message);
            }

            // Kept for the next try (rows are idempotent), up to what the queue holds; the oldest beyond it are given up.
            if (_pending.Count > QueueCapacity)
            {
                var given = _pending.Count - QueueCapacity;
                _pending.Take(given).ToList().ForEach(NoteUnstored);
                _pending.RemoveRange(0, given);
            }
        }
    }

    private void NoteUnstored(StoredLiquidation item)
    {
        Interlocked.Increment(ref _dropped);
        var at = item.Liquidation.Time;
        lock (_unstoredLock)
        {
            // One span per venue from the first to the last liquidation lost (ends a millisecond after it: a span has length).
            _unstored[item.Venue] = _unstored.TryGetValue(item.Venue, out var span)
                ? span with { From = at < span.From ? at : span.From, To = at.AddMilliseconds(1) > span.To ? at.AddMilliseconds(1) : span.To }
                : new FeedOutage(at, at.AddMilliseconds(1), item.Venue, "not stored");
        }
    }

    private void ForgetUnstored(List<FeedOutage> written)
    {
        lock (_unstoredLock)
        {
            foreach (var outage in written.Where(o => _unstored.TryGetValue(o.Venue, out var now) && now == o))
            {
                _unstored.Remove(outage.Venue);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realized liquidations not stored yet ({Count} waiting; retried every second, this warning at most once a minute): {Error}: {Reason}")]
    private partial void LogWriteFailed(int count, string error, string reason);
}
