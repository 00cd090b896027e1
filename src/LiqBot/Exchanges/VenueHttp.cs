using System.Globalization;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LiqBot.Exchanges;

/// <summary>
/// GET and parse for a venue's public REST API: sliding-window limiters under the venue's limits (per endpoint
/// where it has them, <see cref="EndpointLimiters"/>), a Polly
/// retry with exponential backoff and jitter for transient failures (HTTP 5xx, timeouts, transient body
/// codes), and on a pausing status (429, 418, Bybit's 403) a pause of every request until Retry-After,
/// else <see cref="VenueHttpSettings.BanPause"/>.
/// The venue's body check turns an error envelope into a <see cref="VenueRestException"/>.
/// </summary>
internal sealed partial class VenueHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _venue;
    private readonly string _base;
    private readonly VenueHttpSettings _settings;
    private readonly Func<JsonElement, VenueRestException?> _bodyError;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EndpointLimiters _limiters;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private long _requests;

    public VenueHttp(string venue, HttpClient http, string baseUrl, VenueHttpSettings settings, Func<JsonElement, VenueRestException?> bodyError, TimeProvider time, ILogger logger)
    {
        _venue = venue;
        _http = http;
        _base = baseUrl.TrimEnd('/');
        _settings = settings;
        _bodyError = bodyError;
        _time = time;
        _logger = logger;
        _limiters = new EndpointLimiters(settings, time);
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<VenueRestException>(e => e.IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
                OnRetry = args =>
                {
                    LogRetry(_venue, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(settings.RequestTimeout).Build();
    }

    /// <summary>Requests sent so far, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base + pathAndQuery, UriKind.Absolute);
        var limiter = _limiters.For(pathAndQuery);
        return await _retry.ExecuteAsync(
            async token =>
            {
                // The limiter wait (up to a whole pause) is outside the per-request timeout.
                await limiter.AcquireAsync(token);
                Interlocked.Increment(ref _requests);
                return await _timeout.ExecuteAsync(t => SendAsync(uri, t), token);
            },
            cancellationToken);
    }

    public void Dispose() => _limiters.Dispose();

    private async ValueTask<JsonDocument> SendAsync(Uri uri, CancellationToken token)
    {
        using var response = await _http.GetAsync(uri, token);
        var status = (int)response.StatusCode;
        if (_settings.PauseStatuses.Contains(status))
        {
            var pause = RetryAfter(response) ?? _settings.BanPause;
            _limiters.PauseUntil(_time.GetUtcNow() + pause);
            LogPaused(_venue, status, pause);
            throw new VenueRestException($"HTTP {status} from {uri.AbsolutePath}: rate limited", null, status, transient: true);
        }

        var text = await response.Content.ReadAsStringAsync(token);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            throw new VenueRestException($"HTTP {status} from {uri.AbsolutePath}", null, status, transient: IsTransient(status));
        }

        if (_bodyError(doc.RootElement) is { } error)
        {
            doc.Dispose();
            throw error;
        }

        if (!response.IsSuccessStatusCode)
        {
            doc.Dispose();
            throw new VenueRestException($"HTTP {status} from {uri.AbsolutePath}", null, status, transient: IsTransient(status));
        }

        return doc;
    }

    private static bool IsTransient(int status) => status is 429 or >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue} REST retry {Attempt} in {Delay}: {Reason}")]
    private partial void LogRetry(string venue, int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Venue} answered HTTP {Status} (rate limit): pausing all REST requests for {Pause}")]
    private partial void LogPaused(string venue, int status, TimeSpan pause);
}
