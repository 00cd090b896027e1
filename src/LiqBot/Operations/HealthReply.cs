using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiqBot.Operations;

/// <summary>
/// /healthz's text: "ready", or "not ready: " (unhealthy, 503) / "degraded: " (200) with every failing
/// check's reason, so a person reading it learns what is wrong without a JSON viewer.
/// </summary>
internal static class HealthReply
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description);
        var text = report.Status switch
        {
            HealthStatus.Healthy => "ready\n",
            HealthStatus.Degraded => "degraded: " + string.Join("; ", reasons) + "\n",
            _ => "not ready: " + string.Join("; ", reasons) + "\n",
        };
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
