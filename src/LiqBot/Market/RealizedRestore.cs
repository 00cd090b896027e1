using System.Data.Common;
using LiqBot.Alerts;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Storage;
using LiqBot.Workers;

namespace LiqBot.Market;

/// <summary>
/// At start, before any live data: gives each venue's book back the realized liquidations the store kept
/// (<see cref="RealizedWriterWorker"/>) and each venue the outages it recorded, and tells the time the bot
/// was not running as an outage: from the last moment the venue's stream was live with everything stored
/// until its next connection (the wait for the first connection, as on any start, only begun earlier).
/// The liquidations go through the alert rules in time order, so a cascade whose first half came before the
/// restart fires on its second half, and one alerted before it is not alerted again: the replay raises it
/// again under the same outbox key, which every chat already has (or gets now, if the process died before
/// queueing it).
/// </summary>
internal sealed partial class RealizedRestore(
    IRealizedStore store,
    VenueFeeds feeds,
    MarketRegistry markets,
    OutageSync outageSync,
    AlertPublisher publisher,
    ModelOptions options,
    TimeProvider time,
    ILogger<RealizedRestore> logger)
{
    public const string NotRunning = "LiqBot not running";

    /// <summary>
    /// Alerts the replay raises this long before the newest stored liquidation only set the rules' state: the
    /// outbox key would stop them today (sent rows are kept), but not after a purge of old rows.
    /// </summary>
    public static readonly TimeSpan RepublishWithin = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly HashSet<SymbolMarket> _restored = [];
    private readonly List<VenueFeed> _live = feeds.All.Where(f => f.Venue != Venue.Replay && f.Source.Counters is not null).ToList();

    /// <summary>Restores the venues' outages, then every market tracked now; a store that fails is logged and the start goes on.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (_live.Count == 0)
        {
            return;
        }

        var since = time.GetUtcNow() - RealizedWriterWorker.Retention;
        try
        {
            await RestoreOutagesAsync(since, cancellationToken);
            foreach (var market in markets.All.ToList())
            {
                await RestoreMarketAsync(market, cancellationToken);
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            LogRestoreFailed(e.GetType().Name, e.Message);
        }
    }

    /// <summary>Gives one market's books their stored liquidations, once per market (one tracked on demand, before its feed starts).</summary>
    public async Task RestoreAsync(SymbolMarket market, CancellationToken cancellationToken)
    {
        try
        {
            await RestoreMarketAsync(market, cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            LogRestoreFailed(e.GetType().Name, e.Message);
        }
    }

    private async Task RestoreMarketAsync(SymbolMarket market, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_live.Count == 0 || !_restored.Add(market))
            {
                return;
            }
        }

        var since = time.GetUtcNow() - RealizedWriterWorker.Retention;
        var points = new List<(Venue Venue, RealizedLiquidation Liquidation)>();
        var skipped = 0;
        foreach (var venue in market.Venues.Where(v => v != Venue.Replay))
        {
            var stored = await store.LoadAsync(venue.Key, market.Symbol, since, options.MaxRealizedPoints, cancellationToken);
            points.AddRange(stored.Liquidations.Select(l => (venue, l)));
            skipped += stored.Skipped;
        }

        if (skipped > 0)
        {
            LogSkipped(skipped, market.Symbol);
        }

        if (points.Count == 0)
        {
            return;
        }

        var alerts = Replay(market, points);
        var (oldest, newest) = (points.Min(p => p.Liquidation.Time), points.Max(p => p.Liquidation.Time));
        var recent = alerts.Where(a => a.Time >= newest - RepublishWithin).ToList();
        if (recent.Count > 0)
        {
            await publisher.PublishAsync(recent, cancellationToken);
        }

        var venues = Venue.Join(market.Venues);
        LogRestored(points.Count, market.Symbol, venues, oldest, newest, recent.Count);
    }

    /// <summary>
    /// Applies stored liquidations to their venues' books through the market's alert rules in time order (each
    /// venue's own order kept), as they came live, with the rules ticked at every minute's close between them
    /// as the venues' 1-minute bars ticked them live (a cascade re-arms on those ticks); returns the alerts raised.
    /// </summary>
    internal static List<Alert> Replay(SymbolMarket market, IEnumerable<(Venue Venue, RealizedLiquidation Liquidation)> points)
    {
        var alerts = new List<Alert>();
        var minute = TimeSpan.TicksPerMinute;
        long? previous = null;
        lock (market.Gate)
        {
            foreach (var (venue, liquidation) in points.OrderBy(p => p.Liquidation.Time))
            {
                var ticks = liquidation.Time.UtcTicks;
                if (previous is { } last)
                {
                    // Bars closing in (last, this]: a bar closing at this very moment came before it.
                    for (var close = ((last / minute) + 1) * minute; close <= ticks; close += minute)
                    {
                        alerts.AddRange(market.Rules.OnClock(new DateTimeOffset(close, TimeSpan.Zero)));
                    }
                }

                alerts.AddRange(market.Apply(venue, new LiquidationReported(market.Symbol, liquidation)));
                previous = ticks;
            }
        }

        return alerts;
    }

    private async Task RestoreOutagesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var stored = await store.LoadOutagesAsync(since, cancellationToken);
        var now = time.GetUtcNow();
        var liveUntil = await store.LoadLiveUntilAsync(cancellationToken);
        foreach (var feed in _live)
        {
            var own = stored.Where(o => o.Venue == feed.Venue.Key && o.From >= since).ToList();
            var outages = feed.Source.Counters!.Outages;
            // One still open lasted until that process ended, at the latest now: closed here, so the store closes it too.
            outages.Restore(own.Select(o => o.IsOpen ? o with { To = now > o.From ? now : o.From.AddMilliseconds(1) } : o));
            // Down from the last moment known live, or from an outage still open when the process ended.
            DateTimeOffset? from = liveUntil.TryGetValue(feed.Venue.Key, out var until) ? until : null;
            foreach (var open in own.Where(o => o.IsOpen))
            {
                from = from is { } f && f < open.From ? f : open.From;
            }

            if (from is { } start)
            {
                outages.DownSinceStored(start > since ? start : since, NotRunning);
            }
        }

        outageSync.SyncIfChanged();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Count} realized liquidations of {Symbol} on {Venues} from the store ({From:u} to {To:u}); {Alerts} recent alert(s) raised again, queued once per chat by their keys")]
    private partial void LogRestored(int count, string symbol, string venues, DateTimeOffset from, DateTimeOffset to, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} unreadable stored realized liquidation row(s) of {Symbol}")]
    private partial void LogSkipped(int count, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realized liquidations not restored from the store ({Error}: {Reason}); the realized layer starts empty")]
    private partial void LogRestoreFailed(string error, string reason);
}
