using LiqBot.Chat;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiqBot.Operations;

/// <summary>Healthy while every configured chat adapter is connected (and when none is configured).</summary>
internal sealed class ChatConnectionsHealthCheck(IEnumerable<ChatConnection> connections) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = connections.Where(c => c.Problem is not null).Select(c => $"{c.Platform}: {c.Problem}").ToList();
        return Task.FromResult(down.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", down)));
    }
}
