using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Paces REST calls: per-route buckets learned from X-RateLimit headers (routes that report the
/// same X-RateLimit-Bucket for the same top-level resource share one), the global limit, and
/// 429 retry_after (global or per bucket). Limits are learned, never hard-coded.
/// </summary>
internal sealed class DiscordRateLimiter(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byRoute = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byBucketId = new();
    private readonly GlobalRateLimit _global = new(options.Value.GlobalRequestsPerSecond, options.Value.GlobalWindowMargin, time);

    /// <summary>The window the global limit is counted over (one second plus a margin that widens after global 429s).</summary>
    public TimeSpan GlobalWindow => _global.Window;

    /// <summary>How long a request on the route would wait for its bucket right now (the global limit aside).</summary>
    public TimeSpan EstimateWait(DiscordRoute route) =>
        !route.IsInteraction && _byRoute.TryGetValue(route.BucketKey, out var bucket) ? bucket.Wait : TimeSpan.Zero;

    /// <summary>Waits until the route may be called; the caller sends, then reports the response on the lease and disposes it.</summary>
    public async Task<Lease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        if (route.IsInteraction)
        {
            return new Lease(this, route, null, null);
        }

        var bucket = _byRoute.GetOrAdd(route.BucketKey, _ => new RateLimitBucket(time));
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            await bucket.WaitAvailableAsync(cancellationToken);
            var slot = await _global.WaitAsync(cancellationToken);
            return new Lease(this, route, bucket, slot);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    private void Learn(DiscordRoute route, RateLimitBucket? bucket, RateLimitHeaders headers, DiscordResponse response)
    {
        if (response.IsRateLimited && response.Global)
        {
            _global.BlockFor(response.RetryAfter ?? TimeSpan.FromSeconds(1));
            return;
        }

        if (bucket is null)
        {
            return;
        }

        if (response.IsRateLimited)
        {
            bucket.Exhaust(response.RetryAfter ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1));
        }
        else if (headers.Remaining is { } remaining && headers.ResetAfter is { } resetAfter)
        {
            bucket.Update(remaining, resetAfter);
        }

        if (headers.Bucket is { } id && bucket.Id is null)
        {
            bucket.Id = id;
            var shared = _byBucketId.GetOrAdd(id + " " + route.MajorParameter, bucket);
            if (!ReferenceEquals(shared, bucket))
            {
                // Another route already uses this bucket for this resource: from now on wait on that one.
                _byRoute[route.BucketKey] = shared;
            }
        }
    }

    /// <summary>Holds the route's bucket and a global slot while one request is in flight.</summary>
    internal sealed class Lease(DiscordRateLimiter limiter, DiscordRoute route, RateLimitBucket? bucket, GlobalRateLimit.Slot? slot) : IDisposable
    {
        private bool _released;

        public void Complete(RateLimitHeaders headers, DiscordResponse response)
        {
            slot?.Complete();
            limiter.Learn(route, bucket, headers, response);
        }

        public void Dispose()
        {
            if (!_released)
            {
                _released = true;
                slot?.Complete();
                bucket?.Gate.Release();
            }
        }
    }
}
