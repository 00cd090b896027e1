using System.Net;
using System.Text.Json;

namespace LiqBot.Chat.Discord;

/// <summary>
/// What a REST call returned: the status, the body, Discord's JSON error code and message when it
/// failed, and on 429 how long to wait and whether the limit was the global one.
/// </summary>
internal sealed record DiscordResponse(HttpStatusCode Status, string Body, int? ErrorCode, string? ErrorMessage, TimeSpan? RetryAfter, bool Global)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsRateLimited => Status == HttpStatusCode.TooManyRequests;

    /// <summary>"403 50013 Missing Permissions", for logs and outbox reasons.</summary>
    public string Describe() => $"{(int)Status} {ErrorCode?.ToString() ?? "-"} {ErrorMessage ?? Status.ToString()}";

    public static async Task<DiscordResponse> ReadAsync(HttpResponseMessage response, RateLimitHeaders limits, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new(response.StatusCode, body, null, null, null, false);
        }

        int? code = null;
        string? message = null;
        TimeSpan? retryAfter = null;
        var global = limits.Global;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : null;
                message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
                retryAfter = root.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
                global |= root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
            }
        }
        catch (JsonException)
        {
            // Cloudflare and proxies answer HTML; the status alone then decides.
        }

        retryAfter ??= RateLimitHeaders.Seconds(response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault() : null);
        return new(response.StatusCode, body, code, message, retryAfter, global);
    }
}
