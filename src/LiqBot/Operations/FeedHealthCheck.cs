using LiqBot.Exchanges;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiqBot.Operations;

/// <summary>
/// One venue's feed: healthy while it serves (live, or a finished replay); while it is down, degraded if
/// another venue serves (200, the reason named) and unhealthy when none does (503). The reason says since
/// when its realized liquidations are missing (the outage began at the last frame, often before the status changed).
/// </summary>
internal sealed class FeedHealthCheck(VenueFeed feed, VenueFeeds feeds) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = feed.Source.Status;
        var reason = (feeds.All.Count == 1 ? status.Describe() : $"{feed.Venue.Name}: {status.Describe()}") + Missing(feed);
        var result = status.State is FeedState.Live or FeedState.Ended ? HealthCheckResult.Healthy()
            : feeds.Serving.Any() ? HealthCheckResult.Degraded(reason)
            : HealthCheckResult.Unhealthy(reason);
        return Task.FromResult(result);
    }

    /// <summary>
    /// "; liquidations missing since 2026-12-01 12:04:05Z" while the venue's live stream is down (from its last
    /// sign of life); "; no liquidation data yet since the start" while its first connection is awaited.
    /// </summary>
    private static string Missing(VenueFeed feed) =>
        feed.Source.Counters?.Outages.Current switch
        {
            { IsStart: true } => "; no liquidation data yet since the start",
            { } outage => $"; liquidations missing since {outage.From.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture)}",
            null => string.Empty,
        };
}
