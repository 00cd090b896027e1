using System.Globalization;
using LiqBot.Exchanges;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LiqBot.Operations;

/// <summary>
/// Unhealthy when venues say they are live but no market event came for longer than Operations:MaxFeedLag.
/// A finished replay is as live as it will ever be; with no venue serving, the venues' checks say why.
/// </summary>
internal sealed class FeedLagHealthCheck(VenueFeeds feeds, FeedLag lag, IOptions<OperationsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var serving = feeds.Serving.ToList();
        var age = lag.Now;
        var stalled = serving.Count > 0 && serving.All(f => f.Source.Status.State != FeedState.Ended) && (age is null || age > options.Value.MaxFeedLag);
        return Task.FromResult(stalled
            ? HealthCheckResult.Unhealthy($"no market data for {age?.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) ?? "ever"} s")
            : HealthCheckResult.Healthy());
    }
}
