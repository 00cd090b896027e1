using System.Diagnostics.Metrics;
using LiqBot.Chat;
using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Operations;

/// <summary>
/// Instruments read at each scrape from the parts that already keep the figures (each venue's feed and
/// record filter, the charts, the outbox), so those parts stay free of metrics code. Feed series carry
/// the venue's key as the <c>venue</c> label.
/// </summary>
internal sealed class ObservedMetrics
{
    public ObservedMetrics(BotMetrics metrics, VenueFeeds feeds, MarketRegistry markets, ChartService charts, OutboxPendingCount pending, FeedLag lag, TimeProvider time)
    {
        var meter = metrics.Meter;
        meter.CreateObservableGauge("feed_live", () => PerVenue(feeds, f => f.Source.Status.IsLive ? 1 : 0), description: "1 while the venue's market feed is live");
        meter.CreateObservableGauge("feed_lag_seconds", () => lag.Now?.TotalSeconds ?? double.NaN, description: "Age of the newest market event (market time)");
        meter.CreateObservableCounter("feed_frames_total", () => PerVenue(feeds, f => f.Source.Counters?.Frames ?? 0), description: "Frames received from the venue");
        meter.CreateObservableCounter("feed_malformed_frames_total", () => PerVenue(feeds, f => f.Source.Counters?.Malformed ?? 0), description: "Frames skipped as malformed");
        meter.CreateObservableCounter("feed_unknown_frames_total", () => PerVenue(feeds, f => f.Source.Counters?.Unknown ?? 0), description: "Frames skipped as unknown");
        meter.CreateObservableCounter("feed_reconnects_total", () => PerVenue(feeds, f => f.Source.Counters?.Reconnects ?? 0), description: "WebSocket reconnects");
        meter.CreateObservableCounter("feed_restarts_total", () => PerVenue(feeds, f => f.Source.Restarts), description: "Fresh streams started after the venue's feed failed");
        meter.CreateObservableCounter("feed_outages_total", () => PerVenue(feeds, f => f.Source.Counters?.Outages.Count ?? 0), description: "Outages of the venue's live stream (not the wait for the first connection after a start); realized liquidations in them are lost");
        meter.CreateObservableCounter("feed_outage_seconds_total", () => feeds.All.Select(f => new Measurement<double>(f.Source.Counters?.Outages.SecondsDown(time.GetUtcNow()) ?? 0, VenueTag(f))), description: "Seconds the venue's live stream was down, the outage going on included (not the wait for the first connection after a start)");
        meter.CreateObservableCounter("market_records_skipped_total", () => SkippedRecords(feeds), description: "Records kept from the engine as malformed or implausible, by venue and kind");
        meter.CreateObservableGauge("tracked_symbols", () => markets.Count, description: "Symbols tracked: the configured ones and those chats asked for (on demand)");
        meter.CreateObservableGauge("tracked_symbol_books", () => feeds.All.Select(f => new Measurement<int>(markets.All.Count(m => m.Venues.Contains(f.Venue)), VenueTag(f))), description: "Symbols tracked on the venue (one book each); a symbol listed on fewer venues counts on those only");
        meter.CreateObservableGauge("outbox_pending", () => pending.Value, description: "Outbox messages not yet delivered");
        meter.CreateObservableCounter("renders_total", () => charts.Renders, description: "Images rendered");
        meter.CreateObservableCounter("render_seconds_total", () => charts.RenderMilliseconds / 1000.0, description: "Time spent rendering images");
    }

    private static IEnumerable<Measurement<long>> PerVenue(VenueFeeds feeds, Func<VenueFeed, long> value) =>
        feeds.All.Select(f => new Measurement<long>(value(f), VenueTag(f)));

    private static IEnumerable<Measurement<long>> SkippedRecords(VenueFeeds feeds) =>
        from feed in feeds.All
        from kind in Enum.GetValues<SkippedRecordKind>()
        select new Measurement<long>(feed.Source.Filter.Skipped(kind), VenueTag(feed), new KeyValuePair<string, object?>("kind", kind.ToString()));

    private static KeyValuePair<string, object?> VenueTag(VenueFeed feed) => new("venue", feed.Venue.Key);
}
