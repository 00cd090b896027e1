using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiqBot.Operations;

/// <summary>
/// A check registered in the bot's container for /healthz; the endpoint's own web app has a container of
/// its own, so the checks travel to it by name.
/// </summary>
internal sealed record NamedHealthCheck(string Name, IHealthCheck Check);
