using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LiqBot.Operations;

/// <summary>
/// /healthz (ASP.NET Core health checks: 200 "ready" when every check passes; 200 "degraded" with the
/// reasons while some venues are down but one serves; 503 "not ready" when none serves, data stopped or
/// the store or a chat fails) and /metrics (the "liqbot" meter in Prometheus text, feed series labelled
/// by venue) on 127.0.0.1:Operations:Port.
/// </summary>
internal sealed class OperationsEndpointWorker(
    IOptions<OperationsOptions> options,
    PrometheusExport export,
    OutboxPendingCount pending,
    BotHealthChecks checks) : BackgroundService
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
        var health = builder.Services.AddHealthChecks();
        foreach (var (name, check) in checks.All())
        {
            health.AddCheck(name, check);
        }

        await using var app = builder.Build();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReply.WriteAsync });
        app.MapGet("/metrics", MetricsAsync);
        await app.RunAsync(stoppingToken);
    }

    private async Task MetricsAsync(HttpContext context)
    {
        await pending.RefreshAsync(context.RequestAborted);
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await export.WriteAsync(context.Response.Body, context.RequestAborted);
    }
}
