using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LiqBot.Exchanges;

/// <summary>
/// GET and parse for a venue's public REST API: a sliding-window limiter under the venue's limit, a Polly
/// retry with exponential backoff and jitter for transient failures (HTTP 5xx, timeouts, transient body
/// codes), and on HTTP 429 or 418 a pause of every request until Retry-After, else <see cref="VenueOptions.BanPause"/>.
/// The venue's body check turns an error envelope into a <see cref="VenueRestException"/>.
/// </summary>
internal sealed partial class VenueHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _venue;
    private readonly string _base;
    private readonly VenueOptions _options;
    private readonly Func<JsonElement, VenueRestException?> _bodyError;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestRateLimiter _limiter;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private long _requests;

    public VenueHttp(string venue, HttpClient http, string baseUrl, VenueOptions options, Func<JsonElement, VenueRestException?> bodyError, TimeProvider time, ILogger logger)
    {
        _venue = venue;
        _http = http;
        _base = baseUrl.TrimEnd('/');
        _options = options;
        _bodyError = bodyError;
        _time = time;
        _logger = logger;
        _limiter = new RequestRateLimiter(options.RequestsPerWindow, options.RequestWindow, time);
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<VenueRestException>(e => e.IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Math.Max(1, options.RestMaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RestRetryDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
                OnRetry = args =>
                {
                    LogRetry(_venue, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>Requests sent so far, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base + pathAndQuery, UriKind.Absolute);
        return await _retry.ExecuteAsync(
            async token =>
            {
                // The limiter wait (up to a whole pause) is outside the per-request timeout.
                await _limiter.AcquireAsync(token);
                Interlocked.Increment(ref _requests);
                return await _timeout.ExecuteAsync(t => SendAsync(uri, t), token);
            },
            cancellationToken);
    }

    public void Dispose() => _limiter.Dispose();

    private async ValueTask<JsonDocument> SendAsync(Uri uri, CancellationToken token)
    {
        using var response = await _http.GetAsync(uri, token);
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
        {
            var pause = RetryAfter(response) ?? _options.BanPause;
            _limiter.PauseUntil(_time.GetUtcNow() + pause);
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
            throw new VenueRestException($"HTTP {status} from {uri.AbsolutePath}", null, status, transient: status >= 500);
        }

        if (_bodyError(doc.RootElement) is { } error)
        {
            doc.Dispose();
            throw error;
        }

        if (!response.IsSuccessStatusCode)
        {
            doc.Dispose();
            throw new VenueRestException($"HTTP {status} from {uri.AbsolutePath}", null, status, transient: status >= 500);
        }

        return doc;
    }

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
