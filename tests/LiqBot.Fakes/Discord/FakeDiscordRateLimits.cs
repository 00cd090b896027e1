using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Discord;

/// <summary>
/// Discord's HTTP limits as the fake enforces them: fixed-window buckets per route and resource
/// with X-RateLimit headers, a global limit over a sliding second, and a 429 (counted) whenever a
/// request exceeds either. <see cref="ForceGlobal"/> scripts a global 429 that holds for retry_after.
/// </summary>
public sealed class FakeDiscordRateLimits(FakeDiscordOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Count, long ResetAt)> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<long> _globalArrivals = new();
    private long _globalBlockedUntil;
    private TimeSpan? _forcedGlobal;
    private int _tooManyRequests;
    private int _globalTooManyRequests;

    /// <summary>How many 429s the fake answered.</summary>
    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    /// <summary>How many of those were the global limit.</summary>
    public int GlobalTooManyRequests => Volatile.Read(ref _globalTooManyRequests);

    /// <summary>The next rate-limited request gets a global 429, and every request for <paramref name="retryAfter"/> after it too.</summary>
    public void ForceGlobal(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            _forcedGlobal = retryAfter;
        }
    }

    /// <summary>Admits the request or writes the 429; on admission sets the bucket headers.</summary>
    public async Task<bool> TryEnterAsync(HttpContext context, string route, string resource, int limit, TimeSpan window, bool exemptFromGlobal)
    {
        var bucket = route + " " + resource;
        var now = Stopwatch.GetTimestamp();
        TimeSpan? globalRetry = null;
        TimeSpan? bucketRetry = null;
        int remaining;
        TimeSpan resetAfter;
        lock (_lock)
        {
            var (count, resetAt) = _buckets.TryGetValue(bucket, out var state) && state.ResetAt > now ? state : (0, now + Ticks(window));
            if (!exemptFromGlobal)
            {
                while (_globalArrivals.Count > 0 && _globalArrivals.Peek() <= now - Stopwatch.Frequency)
                {
                    _globalArrivals.Dequeue();
                }

                if (_forcedGlobal is { } forced)
                {
                    _forcedGlobal = null;
                    _globalBlockedUntil = now + Ticks(forced);
                }

                if (_globalBlockedUntil > now)
                {
                    globalRetry = Stopwatch.GetElapsedTime(now, _globalBlockedUntil);
                }
                else if (_globalArrivals.Count >= options.GlobalLimit)
                {
                    globalRetry = Stopwatch.GetElapsedTime(now, _globalArrivals.Peek() + Stopwatch.Frequency);
                }
            }

            if (globalRetry is null && count >= limit)
            {
                bucketRetry = Stopwatch.GetElapsedTime(now, resetAt);
            }

            if (globalRetry is null && bucketRetry is null)
            {
                count++;
                if (!exemptFromGlobal)
                {
                    _globalArrivals.Enqueue(now);
                }
            }

            _buckets[bucket] = (count, resetAt);
            remaining = Math.Max(0, limit - count);
            resetAfter = Stopwatch.GetElapsedTime(now, resetAt);
        }

        var headers = context.Response.Headers;
        headers["X-RateLimit-Bucket"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(route)))[..16].ToLowerInvariant();
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = Seconds(resetAfter);
        if (globalRetry is null && bucketRetry is null)
        {
            return true;
        }

        Interlocked.Increment(ref _tooManyRequests);
        var retry = globalRetry ?? bucketRetry!.Value;
        var global = globalRetry is not null;
        if (global)
        {
            Interlocked.Increment(ref _globalTooManyRequests);
            headers["X-RateLimit-Global"] = "true";
        }

        headers["X-RateLimit-Scope"] = global ? "global" : "user";
        headers["Retry-After"] = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(retry.TotalSeconds, 3),
            ["global"] = global,
        });
        return false;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static string Seconds(TimeSpan span) => Math.Round(Math.Max(0, span.TotalSeconds), 3).ToString("0.###", CultureInfo.InvariantCulture);
}
