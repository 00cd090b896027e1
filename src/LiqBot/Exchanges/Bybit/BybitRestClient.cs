using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using LiqBot.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// A thin typed client for Bybit v5 public market REST endpoints (category linear). Every call goes
/// through a sliding-window limiter (under 600 requests / 5 s) and a Polly retry with exponential
/// backoff and jitter for transient failures (HTTP 429/5xx, retCode 10002/10006/10016/10429, timeouts);
/// HTTP 403 is an IP ban that pauses all requests for <see cref="BybitOptions.BanPause"/>.
/// </summary>
internal sealed partial class BybitRestClient : IVenueHistory, IDisposable
{
    private static readonly HashSet<int> TransientRetCodes = [10002, 10006, 10016, 10429];
    private readonly HttpClient _http;
    private readonly BybitOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestRateLimiter _limiter;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _timeout;
    private readonly string _base;
    private long _requests;

    public BybitRestClient(HttpClient http, BybitOptions options, TimeProvider time, ILogger<BybitRestClient> logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _base = options.RestUrl.TrimEnd('/');
        _limiter = new RequestRateLimiter(options.RequestsPerWindow, options.RequestWindow, time);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<BybitRestException>(e => e.IsTransient || e.IsBan)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Math.Max(1, options.RestMaxRetries),
                // After a ban the limiter holds every request until the pause ends; no extra delay here.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Exception is BybitRestException { IsBan: true }
                    ? TimeSpan.Zero
                    : Backoff.Delay(args.AttemptNumber, options.RestRetryDelay, TimeSpan.FromSeconds(60), Random.Shared)),
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>Requests sent so far, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Klines with open time in [start, end], oldest first (Bybit sends newest first, 1000 a page).</summary>
    public async Task<List<KlineRow>> GetKlinesAsync(string symbol, TimeSpan step, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var intervalMinutes = (int)step.TotalMinutes;
        var rows = new List<KlineRow>();
        var pageEnd = end.ToUnixTimeMilliseconds();
        var startMs = start.ToUnixTimeMilliseconds();
        while (pageEnd >= startMs)
        {
            var query = $"/v5/market/kline?category=linear&symbol={symbol}&interval={intervalMinutes}&start={startMs}&end={pageEnd}&limit=1000";
            using var doc = await GetAsync(query, cancellationToken);
            var list = doc.RootElement.GetProperty("result").GetProperty("list");
            var count = 0;
            long oldest = long.MaxValue;
            foreach (var k in list.EnumerateArray())
            {
                var open = long.Parse(k[0].GetString()!, CultureInfo.InvariantCulture);
                oldest = Math.Min(oldest, open);
                count++;
                rows.Add(new KlineRow(DateTimeOffset.FromUnixTimeMilliseconds(open), Num(k[1]), Num(k[2]), Num(k[3]), Num(k[4]), Num(k[5]), Num(k[6])));
            }

            if (count < 1000)
            {
                break;
            }

            pageEnd = oldest - 1;
        }

        rows.Sort((a, b) => a.OpenTime.CompareTo(b.OpenTime));
        return rows.DistinctBy(r => r.OpenTime).ToList();
    }

    /// <summary>5-minute open interest in [start, end], oldest first; nextPageCursor is passed back verbatim.</summary>
    public async Task<List<OpenInterestPoint>> GetOpenInterestAsync(string symbol, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var points = new List<OpenInterestPoint>();
        var cursor = string.Empty;
        do
        {
            var query = $"/v5/market/open-interest?category=linear&symbol={symbol}&intervalTime=5min&startTime={start.ToUnixTimeMilliseconds()}&endTime={end.ToUnixTimeMilliseconds()}&limit=200";
            if (cursor.Length > 0)
            {
                query += "&cursor=" + cursor; // already URL-encoded by Bybit: encoding it again breaks paging
            }

            using var doc = await GetAsync(query, cancellationToken);
            var result = doc.RootElement.GetProperty("result");
            foreach (var p in result.GetProperty("list").EnumerateArray())
            {
                var oi = p.TryGetProperty("singleOpenInterest", out var single) && NumOrNull(single) is { } s ? s : Num(p.GetProperty("openInterest"));
                var ts = long.Parse(p.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
                points.Add(new OpenInterestPoint(DateTimeOffset.FromUnixTimeMilliseconds(ts), oi));
            }

            cursor = result.TryGetProperty("nextPageCursor", out var next) ? next.GetString() ?? string.Empty : string.Empty;
        }
        while (cursor.Length > 0);

        points.Sort((a, b) => a.Time.CompareTo(b.Time));
        return points.DistinctBy(p => p.Time).ToList();
    }

    /// <summary>Bybit's readings are base coin: valued at the kline's close.</summary>
    public double OpenInterestUsd(double reading, in KlineRow kline) => reading * kline.Close;

    /// <summary>The instrument, or null when Bybit does not list the symbol.</summary>
    public async Task<BybitInstrument?> GetInstrumentAsync(string symbol, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = await GetAsync($"/v5/market/instruments-info?category=linear&symbol={symbol}", cancellationToken);
            foreach (var i in doc.RootElement.GetProperty("result").GetProperty("list").EnumerateArray())
            {
                return new BybitInstrument(i.GetProperty("symbol").GetString()!, i.GetProperty("status").GetString()!, i.TryGetProperty("contractType", out var c) ? c.GetString() ?? string.Empty : string.Empty);
            }

            return null;
        }
        catch (BybitRestException e) when (e.RetCode == 10001)
        {
            return null;
        }
    }

    /// <summary>The maintenance margin rate of the symbol's lowest risk tier, or null if unknown.</summary>
    public async Task<double?> GetLowestMaintenanceMarginAsync(string symbol, CancellationToken cancellationToken)
    {
        using var doc = await GetAsync($"/v5/market/risk-limit?category=linear&symbol={symbol}", cancellationToken);
        double? best = null;
        long bestId = long.MaxValue;
        foreach (var tier in doc.RootElement.GetProperty("result").GetProperty("list").EnumerateArray())
        {
            var lowest = tier.TryGetProperty("isLowestRisk", out var l) && l.ValueKind == JsonValueKind.Number && l.GetInt32() == 1;
            var id = tier.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number ? idElement.GetInt64() : long.MaxValue - 1;
            if (lowest || id < bestId)
            {
                best = NumOrNull(tier.GetProperty("maintenanceMargin"));
                bestId = lowest ? long.MinValue : id;
            }
        }

        return best;
    }

    public void Dispose() => _limiter.Dispose();

    private async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base + pathAndQuery, UriKind.Absolute);
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                // The limiter wait (up to a whole ban) is outside the per-request timeout.
                await _limiter.AcquireAsync(token);
                Interlocked.Increment(ref _requests);
                return await _timeout.ExecuteAsync(t => SendAsync(uri, t), token);
            },
            cancellationToken);
    }

    private async ValueTask<JsonDocument> SendAsync(Uri uri, CancellationToken token)
    {
        using var response = await _http.GetAsync(uri, token);
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            _limiter.PauseUntil(_time.GetUtcNow() + _options.BanPause);
            LogBanned(_logger, _options.BanPause);
            throw new BybitRestException("HTTP 403: access too frequent (IP ban)", 0, status, transient: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            var transient = status == 429 || status >= 500;
            throw new BybitRestException($"HTTP {status} from {uri.AbsolutePath}", 0, status, transient);
        }

        var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(token), default, token);
        var retCode = doc.RootElement.GetProperty("retCode").GetInt32();
        if (retCode != 0)
        {
            var message = doc.RootElement.TryGetProperty("retMsg", out var m) ? m.GetString() : null;
            doc.Dispose();
            throw new BybitRestException($"retCode {retCode}: {message} ({uri.AbsolutePath})", retCode, status, TransientRetCodes.Contains(retCode));
        }

        return doc;
    }

    private static double Num(JsonElement e) => NumOrNull(e) ?? throw new FormatException("Empty number.");

    private static double? NumOrNull(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when e.GetString() is { Length: > 0 } s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bybit REST retry {Attempt} in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bybit answered HTTP 403 (IP ban): pausing all REST requests for {Pause}")]
    private static partial void LogBanned(ILogger logger, TimeSpan pause);
}
