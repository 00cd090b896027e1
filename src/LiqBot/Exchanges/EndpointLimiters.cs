namespace LiqBot.Exchanges;

/// <summary>
/// The limiters of one venue's REST requests: one per endpoint with a limit of its own (per instrument where
/// the venue counts so), the venue-wide one for every other request, and one pause (after a 429 or a ban)
/// that stops them all.
/// </summary>
internal sealed class EndpointLimiters(VenueHttpSettings settings, TimeProvider time) : IDisposable
{
    private readonly RequestRateLimiter _other = new(settings.RequestsPerWindow, settings.RequestWindow, time);
    private readonly Dictionary<string, RequestRateLimiter> _byEndpoint = [];
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public RequestRateLimiter For(string pathAndQuery)
    {
        foreach (var limit in settings.EndpointLimits)
        {
            if (limit.KeyOf(pathAndQuery) is { } key)
            {
                lock (_byEndpoint)
                {
                    if (!_byEndpoint.TryGetValue(key, out var limiter))
                    {
                        _byEndpoint[key] = limiter = new RequestRateLimiter(limit.Limit, limit.Window, time);
                        limiter.PauseUntil(_pausedUntil);
                    }

                    return limiter;
                }
            }
        }

        return _other;
    }

    public void PauseUntil(DateTimeOffset until)
    {
        _other.PauseUntil(until);
        lock (_byEndpoint)
        {
            _pausedUntil = until > _pausedUntil ? until : _pausedUntil;
            foreach (var limiter in _byEndpoint.Values)
            {
                limiter.PauseUntil(until);
            }
        }
    }

    public void Dispose()
    {
        _other.Dispose();
        foreach (var limiter in _byEndpoint.Values)
        {
            limiter.Dispose();
        }
    }
}
