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
/// /healthz (200 when the market feed is live and the store answers, else 503 with the reasons) and
/// /metrics (Prometheus text) on 127.0.0.1:Operations:Port.
/// </summary>
internal sealed class OperationsEndpointWorker(
    IOptions<OperationsOptions> options,
    BotMetrics metrics,
    IMarketSource source,
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
        var problems = new List<string>();
        var status = source.Status;
        var lag = time.GetUtcNow() - metrics.LastEventTime;
        if (status.State == FeedState.Ended)
        {
            // A finished replay is as live as it will ever be.
        }
        else if (status.State != FeedState.Live)
        {
            problems.Add(status.Describe());
        }
        else if (lag is null || lag > options.Value.MaxFeedLag)
        {
            problems.Add($"no market data for {lag?.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) ?? "ever"} s");
        }

        try
        {
            await outbox.CountPendingAsync(null, cancellationToken);
        }
        catch (StorageException e)
        {
            problems.Add("store: " + e.Message);
        }

        return problems.Count == 0
            ? Results.Text("ready\n")
            : Results.Text("not ready: " + string.Join("; ", problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<IResult> MetricsAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var lag = time.GetUtcNow() - metrics.LastEventTime;
        Metric(text, "liqbot_feed_live", "gauge", "1 while the market feed is live", source.Status.IsLive ? 1 : 0);
        Metric(text, "liqbot_feed_lag_seconds", "gauge", "Age of the newest market event (market time)", lag?.TotalSeconds ?? double.NaN);
        Metric(text, "liqbot_market_events_total", "counter", "Market events applied to the books", metrics.MarketEvents);
        if (source.Counters is { } counters)
        {
            Metric(text, "liqbot_feed_frames_total", "counter", "Frames received from the exchange", counters.Frames);
            Metric(text, "liqbot_feed_malformed_frames_total", "counter", "Frames skipped as malformed", counters.Malformed);
            Metric(text, "liqbot_feed_unknown_frames_total", "counter", "Frames skipped as unknown", counters.Unknown);
            Metric(text, "liqbot_feed_reconnects_total", "counter", "WebSocket reconnects", counters.Reconnects);
        }

        if (source is SupervisedMarketSource supervised)
        {
            Metric(text, "liqbot_feed_restarts_total", "counter", "Fresh streams started after the feed failed", supervised.Restarts);
            text.Append("# HELP liqbot_market_records_skipped_total Records kept from the engine as malformed or implausible, by kind\n# TYPE liqbot_market_records_skipped_total counter\n");
            foreach (var kind in Enum.GetValues<SkippedRecordKind>())
            {
                text.Append(CultureInfo.InvariantCulture, $"liqbot_market_records_skipped_total{{kind=\"{kind}\"}} {supervised.Filter.Skipped(kind)}\n");
            }
        }

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
