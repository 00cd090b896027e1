namespace LiqBot.Exchanges;

/// <summary>
/// How <see cref="VenueHttp"/> treats a venue: its request cap per window, timeouts, retries, and the
/// HTTP statuses that mean "stop every request for a while" (Bybit 403; Binance 429 and 418; OKX 429),
/// and the endpoints with limits of their own (the venue-wide cap then covers only the others).
/// </summary>
internal sealed record VenueHttpSettings(
    int RequestsPerWindow,
    TimeSpan RequestWindow,
    TimeSpan RequestTimeout,
    TimeSpan RetryDelay,
    int MaxRetries,
    TimeSpan BanPause,
    IReadOnlySet<int> PauseStatuses)
{
    public IReadOnlyList<EndpointLimit> EndpointLimits { get; init; } = [];
}
