using LiqBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiqBot.Operations;

/// <summary>Healthy while the store answers a query.</summary>
internal sealed class StoreHealthCheck(IOutbox outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await outbox.CountPendingAsync(null, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (StorageException e)
        {
            return HealthCheckResult.Unhealthy("store: " + e.Message);
        }
    }
}
