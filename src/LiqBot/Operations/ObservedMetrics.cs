using System.Diagnostics.Metrics;
using LiqBot.Chat;
using LiqBot.Exchanges;

namespace LiqBot.Operations;

/// <summary>
/// Instruments read at each scrape from the parts that already keep the figures (the feed, the record
/// filter, the charts, the outbox), so those parts stay free of metrics code.
/// </summary>
internal sealed class ObservedMetrics
{
    public ObservedMetrics(BotMetrics metrics, IMarketSource source, ChartService charts, OutboxPendingCount pending, FeedLag lag)
    {
        var meter = metrics.Meter;
        meter.CreateObservableGauge("feed_live", () => source.Status.IsLive ? 1 : 0, description: "1 while the market feed is live");
        meter.CreateObservableGauge("feed_lag_seconds", () => lag.Now?.TotalSeconds ?? double.NaN, description: "Age of the newest market event (market time)");
        if (source.Counters is { } counters)
        {
            meter.CreateObservableCounter("feed_frames_total", () => counters.Frames, description: "Frames received from the exchange");
            meter.CreateObservableCounter("feed_malformed_frames_total", () => counters.Malformed, description: "Frames skipped as malformed");
            meter.CreateObservableCounter("feed_unknown_frames_total", () => counters.Unknown, description: "Frames skipped as unknown");
            meter.CreateObservableCounter("feed_reconnects_total", () => counters.Reconnects, description: "WebSocket reconnects");
        }

        if (source is SupervisedMarketSource supervised)
        {
            meter.CreateObservableCounter("feed_restarts_total", () => supervised.Restarts, description: "Fresh streams started after the feed failed");
            meter.CreateObservableCounter(
                "market_records_skipped_total",
                () => Enum.GetValues<SkippedRecordKind>().Select(kind => new Measurement<long>(supervised.Filter.Skipped(kind), new KeyValuePair<string, object?>("kind", kind.ToString()))),
                description: "Records kept from the engine as malformed or implausible, by kind");
        }

        meter.CreateObservableGauge("outbox_pending", () => pending.Value, description: "Outbox messages not yet delivered");
        meter.CreateObservableCounter("renders_total", () => charts.Renders, description: "Images rendered");
        meter.CreateObservableCounter("render_seconds_total", () => charts.RenderMilliseconds / 1000.0, description: "Time spent rendering images");
    }
}
