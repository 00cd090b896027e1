using System.Globalization;
using LiqBot.Exchanges;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LiqBot.Operations;

/// <summary>Healthy while the market feed is live with data younger than Operations:MaxFeedLag, or a replay has finished.</summary>
internal sealed class FeedHealthCheck(IMarketSource source, FeedLag lag, IOptions<OperationsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = source.Status;
        var age = lag.Now;
        var result = status.State switch
        {
            // A finished replay is as live as it will ever be.
            FeedState.Ended => HealthCheckResult.Healthy(),
            not FeedState.Live => HealthCheckResult.Unhealthy(status.Describe()),
            _ when age is null || age > options.Value.MaxFeedLag =>
                HealthCheckResult.Unhealthy($"no market data for {age?.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) ?? "ever"} s"),
            _ => HealthCheckResult.Healthy(),
        };
        return Task.FromResult(result);
    }
}
