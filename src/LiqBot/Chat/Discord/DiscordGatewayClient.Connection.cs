using System.Net.WebSockets;
using System.Text.Json;

namespace LiqBot.Chat.Discord;

/// <summary>Heartbeating one connection, and finding where to connect.</summary>
internal sealed partial class DiscordGatewayClient
{
    private async Task HeartbeatAsync(GatewayConnection connection, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // The first beat is jittered so that many clients reconnecting together do not beat in step.
            await Task.Delay(interval * random.NextDouble(), time, cancellationToken);
            while (true)
            {
                if (!connection.TakeAcknowledged())
                {
                    LogZombie(interval.TotalMilliseconds);
                    connection.Abort();
                    return;
                }

                await connection.SendAsync(GatewayCommands.Heartbeat(_session.Sequence), cancellationToken);
                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop decides what comes next.
        }
    }

    /// <summary>The URL to identify on; null when Discord refused the token (401), which no retry fixes.</summary>
    private async Task<Uri?> ResolveGatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.GatewayUrl))
        {
            return new Uri(_options.GatewayUrl);
        }

        var response = await rest.SendJsonAsync(DiscordRoute.GatewayBot(), null, cancellationToken);
        if (response.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            _stopReason = "GET /gateway/bot answered 401 Unauthorized: the bot token (Discord:Token) is wrong or was reset";
            return null;
        }

        if (!response.IsSuccess)
        {
            throw new HttpRequestException($"GET /gateway/bot answered {response.Describe()}", null, response.Status);
        }

        using var json = JsonDocument.Parse(response.Body);
        if (json.RootElement.TryGetProperty("session_start_limit", out var limit))
        {
            _identifyGate.ObserveStartLimit(limit.GetProperty("remaining").GetInt32(), TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetDouble()));
        }

        return new Uri(json.RootElement.GetProperty("url").GetString()!);
    }

    private static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;
}
