using LiqBot.Engine.Risk;
using System.Globalization;
using System.Text.Json;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// A thin typed client for Bybit v5 public market REST endpoints (category linear), over the shared
/// <see cref="VenueHttp"/>: a sliding-window limiter under 600 requests / 5 s, retries with exponential
/// backoff and jitter for transient failures (HTTP 429/5xx, retCode 10002/10006/10016/10429, timeouts);
/// HTTP 403 is an IP ban that pauses all requests for <see cref="BybitOptions.BanPause"/>.
/// </summary>
internal sealed class BybitRestClient(HttpClient http, BybitOptions options, TimeProvider time, ILogger<BybitRestClient> logger) : IVenueHistory, IDisposable
{
    private static readonly HashSet<int> TransientRetCodes = [10002, 10006, 10016, 10429];
    private readonly VenueHttp _http = new(
        "Bybit",
        http,
        options.RestUrl,
        new VenueHttpSettings(options.RequestsPerWindow, options.RequestWindow, options.RequestTimeout, options.RestRetryDelay, options.RestMaxRetries, options.BanPause, new HashSet<int> { 403 }),
        BodyError,
        time,
        logger);

    /// <summary>Requests sent so far, retries included.</summary>
    public long Requests => _http.Requests;

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
            using var doc = await _http.GetAsync(query, cancellationToken);
            var list = doc.RootElement.GetProperty("result").GetProperty("list");
            var count = 0;
            long oldest = long.MaxValue;
            foreach (var k in list.EnumerateArray())
            {
                var open = long.Parse(k[0].GetString()!, CultureInfo.InvariantCulture);
                oldest = Math.Min(oldest, open);
                count++;
                rows.Add(new KlineRow(DateTimeOffset.FromUnixTimeMilliseconds(open), JsonNumbers.Double(k[1]), JsonNumbers.Double(k[2]), JsonNumbers.Double(k[3]), JsonNumbers.Double(k[4]), JsonNumbers.Double(k[5]), JsonNumbers.Double(k[6])));
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

            using var doc = await _http.GetAsync(query, cancellationToken);
            var result = doc.RootElement.GetProperty("result");
            foreach (var p in result.GetProperty("list").EnumerateArray())
            {
                var oi = p.TryGetProperty("singleOpenInterest", out var single) && JsonNumbers.DoubleOrNull(single) is { } s ? s : JsonNumbers.Double(p.GetProperty("openInterest"));
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
            using var doc = await _http.GetAsync($"/v5/market/instruments-info?category=linear&symbol={symbol}", cancellationToken);
            foreach (var i in doc.RootElement.GetProperty("result").GetProperty("list").EnumerateArray())
            {
                return new BybitInstrument(i.GetProperty("symbol").GetString()!, i.GetProperty("status").GetString()!, i.TryGetProperty("contractType", out var c) ? c.GetString() ?? string.Empty : string.Empty);
            }

            return null;
        }
        catch (VenueRestException e) when (e.Code == "10001")
        {
            return null;
        }
    }

    /// <summary>The maintenance margin rate of the symbol's lowest risk tier, or null if unknown.</summary>
    /// <summary>Every USDT linear perpetual trading now, from instruments-info (1,000 a page, paged with the cursor).</summary>
    public async Task<IReadOnlySet<string>> ListPerpetualsAsync(CancellationToken cancellationToken)
    {
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        var cursor = string.Empty;
        do
        {
            using var doc = await _http.GetAsync($"/v5/market/instruments-info?category=linear&limit=1000{(cursor.Length > 0 ? "&cursor=" + Uri.EscapeDataString(cursor) : string.Empty)}", cancellationToken);
            var result = doc.RootElement.GetProperty("result");
            foreach (var i in result.GetProperty("list").EnumerateArray())
            {
                if (i.GetProperty("status").GetString() == "Trading" && i.GetProperty("contractType").GetString() == "LinearPerpetual"
                    && i.TryGetProperty("quoteCoin", out var quote) && quote.GetString() == "USDT")
                {
                    symbols.Add(i.GetProperty("symbol").GetString()!);
                }
            }

            cursor = result.TryGetProperty("nextPageCursor", out var next) ? next.GetString() ?? string.Empty : string.Empty;
        }
        while (cursor.Length > 0);
        return symbols;
    }

    public async Task<double?> GetLowestMaintenanceMarginAsync(string symbol, CancellationToken cancellationToken) =>
        (await GetMarginTiersAsync(symbol, cancellationToken)) is { Count: > 0 } tiers ? tiers[0].MaintenanceMarginRate : null;

    /// <summary>Every risk-limit tier of the symbol (position value cap in USD, maintenance rate, leverage limit), smallest cap first.</summary>
    public async Task<IReadOnlyList<MarginTier>> GetMarginTiersAsync(string symbol, CancellationToken cancellationToken)
    {
        using var doc = await _http.GetAsync($"/v5/market/risk-limit?category=linear&symbol={symbol}", cancellationToken);
        var tiers = new List<MarginTier>();
        foreach (var tier in doc.RootElement.GetProperty("result").GetProperty("list").EnumerateArray())
        {
            if (JsonNumbers.DoubleOrNull(tier.GetProperty("riskLimitValue")) is { } cap
                && JsonNumbers.DoubleOrNull(tier.GetProperty("maintenanceMargin")) is { } rate
                && JsonNumbers.DoubleOrNull(tier.GetProperty("maxLeverage")) is { } leverage)
            {
                tiers.Add(new MarginTier(cap, InPercent(tier, leverage) ? rate / 100 : rate, leverage));
            }
        }

        return [.. tiers.OrderBy(t => t.NotionalCap)];
    }

    // The endpoint's own docs example writes margins in percent ("0.5", initialMargin "1" at 100x) where
    // live answers write rates ("0.005"); initial margin times max leverage is about 1 for a rate, 100 for percent.
    private static bool InPercent(JsonElement tier, double maxLeverage) =>
        tier.TryGetProperty("initialMargin", out var initial) && JsonNumbers.DoubleOrNull(initial) is { } imr && imr * maxLeverage > 10;

    public void Dispose() => _http.Dispose();

    private static VenueRestException? BodyError(JsonElement body)
    {
        var retCode = body.GetProperty("retCode").GetInt32();
        return retCode == 0
            ? null
            : new VenueRestException($"retCode {retCode}: {(body.TryGetProperty("retMsg", out var m) ? m.GetString() : null)}", retCode.ToString(CultureInfo.InvariantCulture), 200, TransientRetCodes.Contains(retCode));
    }
}
