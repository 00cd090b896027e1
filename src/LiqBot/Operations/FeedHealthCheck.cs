using LiqBot.Exchanges;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiqBot.Operations;

/// <summary>
/// One venue's feed: healthy while it serves (live, or a finished replay); while it is down, degraded if
/// another venue serves (200, the reason named) and unhealthy when none does (503).
/// </summary>
internal sealed class FeedHealthCheck(VenueFeed feed, VenueFeeds feeds) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = feed.Source.Status;
        var reason = feeds.All.Count == 1 ? status.Describe() : $"{feed.Venue.Name}: {status.Describe()}";
        var result = status.State is FeedState.Live or FeedState.Ended ? HealthCheckResult.Healthy()
            : feeds.Serving.Any() ? HealthCheckResult.Degraded(reason)
            : HealthCheckResult.Unhealthy(reason);
        return Task.FromResult(result);
    }
}
