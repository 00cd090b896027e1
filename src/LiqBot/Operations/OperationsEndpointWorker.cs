using System.Globalization;
using System.Net;
using System.Text;
using LiqBot.Chat;
using LiqBot.Exchanges;
using LiqBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LiqBot.Operations;

/// <summary>
/// /healthz (200 "ready" when every venue is live and the store answers; 200 "degraded" with the reasons
/// while some venues are down but one serves; 503 when none serves or the store fails) and /metrics
/// (Prometheus text, feed series labelled by venue) on 127.0.0.1:Operations:Port.
/// </summary>
internal sealed class OperationsEndpointWorker(
    IOptions<OperationsOptions> options,
    BotMetrics metrics,
    VenueFeeds feeds,
    IOutbox outbox,
    ChartService charts,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Port == 0)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Value.Port));
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/healthz", HealthAsync);
        app.MapGet("/metrics", MetricsAsync);
        await app.RunAsync(stoppingToken);
    }

    private async Task<IResult> HealthAsync(CancellationToken cancellationToken)
    {
        var (problems, degraded) = FeedHealth.Evaluate(feeds, time.GetUtcNow() - metrics.LastEventTime, options.Value.MaxFeedLag);
        try
        {
            await outbox.CountPendingAsync(null, cancellationToken);
        }
        catch (StorageException e)
        {
            problems.Add("store: " + e.Message);
        }

        return problems.Count > 0 ? Results.Text("not ready: " + string.Join("; ", problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : degraded.Count > 0 ? Results.Text("degraded: " + string.Join("; ", degraded) + "\n")
            : Results.Text("ready\n");
    }

    private static void VenueMetrics(StringBuilder text, VenueFeeds feeds)
    {
        Series(text, "liqbot_feed_live", "gauge", "1 while the venue's market feed is live", feeds, f => f.Source.Status.IsLive ? 1 : 0);
        Series(text, "liqbot_feed_frames_total", "counter", "Frames received from the venue", feeds, f => f.Source.Counters?.Frames ?? 0);
        Series(text, "liqbot_feed_malformed_frames_total", "counter", "Frames skipped as malformed", feeds, f => f.Source.Counters?.Malformed ?? 0);
        Series(text, "liqbot_feed_unknown_frames_total", "counter", "Frames skipped as unknown", feeds, f => f.Source.Counters?.Unknown ?? 0);
        Series(text, "liqbot_feed_reconnects_total", "counter", "WebSocket reconnects", feeds, f => f.Source.Counters?.Reconnects ?? 0);
        Series(text, "liqbot_feed_restarts_total", "counter", "Fresh streams started after the venue's feed failed", feeds, f => f.Source.Restarts);
        text.Append("# HELP liqbot_market_records_skipped_total Records kept from the engine as malformed or implausible, by venue and kind\n# TYPE liqbot_market_records_skipped_total counter\n");
        foreach (var feed in feeds.All)
        {
            foreach (var kind in Enum.GetValues<SkippedRecordKind>())
            {
                text.Append(CultureInfo.InvariantCulture, $"liqbot_market_records_skipped_total{{venue=\"{feed.Venue.Key}\",kind=\"{kind}\"}} {feed.Source.Filter.Skipped(kind)}\n");
            }
        }
    }

    private static void Series(StringBuilder text, string name, string type, string help, VenueFeeds feeds, Func<VenueFeed, double> value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
        foreach (var feed in feeds.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{venue=\"{feed.Venue.Key}\"}} {value(feed).ToString(CultureInfo.InvariantCulture)}\n");
        }
    }

    private async Task<IResult> MetricsAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var lag = time.GetUtcNow() - metrics.LastEventTime;
        Metric(text, "liqbot_feed_lag_seconds", "gauge", "Age of the newest market event (market time)", lag?.TotalSeconds ?? double.NaN);
        Metric(text, "liqbot_market_events_total", "counter", "Market events applied to the books", metrics.MarketEvents);
        VenueMetrics(text, feeds);
        Metric(text, "liqbot_alerts_queued_total", "counter", "Alert messages put in the outbox (one per chat)", metrics.AlertsQueued);
        Metric(text, "liqbot_outbox_pending", "gauge", "Outbox messages not yet delivered", await outbox.CountPendingAsync(null, cancellationToken));
        Metric(text, "liqbot_messages_sent_total", "counter", "Outbox messages the chats accepted", metrics.MessagesSent);
        Metric(text, "liqbot_messages_retried_total", "counter", "Sends to retry later (429, 5xx, timeouts)", metrics.MessagesRetried);
        Metric(text, "liqbot_messages_failed_total", "counter", "Sends given up for good", metrics.MessagesFailed);
        Metric(text, "liqbot_chat_rate_limited_total", "counter", "429 answers from chat APIs", metrics.RateLimited);
        Metric(text, "liqbot_renders_total", "counter", "Images rendered", charts.Renders);
        Metric(text, "liqbot_render_seconds_total", "counter", "Time spent rendering images", charts.RenderMilliseconds / 1000.0);
        return Results.Text(text.ToString(), "text/plain; version=0.0.4");
    }

    private static void Metric(StringBuilder text, string name, string type, string help, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {(double.IsNaN(value) ? "NaN" : value.ToString(CultureInfo.InvariantCulture))}\n");
}
