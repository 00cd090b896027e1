using System.Globalization;
using System.Net.Http.Headers;

namespace LiqBot.Chat.Discord;

/// <summary>The X-RateLimit-* headers of one response; null where a header was absent.</summary>
internal sealed record RateLimitHeaders(string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, bool Global, string? Scope)
{
    public static RateLimitHeaders Read(HttpResponseHeaders headers) => new(
        Value(headers, "X-RateLimit-Bucket"),
        int.TryParse(Value(headers, "X-RateLimit-Limit"), out var limit) ? limit : null,
        int.TryParse(Value(headers, "X-RateLimit-Remaining"), out var remaining) ? remaining : null,
        Seconds(Value(headers, "X-RateLimit-Reset-After")),
        string.Equals(Value(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Value(headers, "X-RateLimit-Scope"));

    public static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? Value(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
