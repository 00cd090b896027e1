using System.Globalization;
using System.Text.Json;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// A thin typed client for the USDⓈ-M public market endpoints: klines (ascending, 1500 a page), the
/// 5-minute open-interest history (last month only, 500 a page) and the current open interest. Errors
/// come as {"code":-1121,"msg":"Invalid symbol."}; 429/418 pause every request (see <see cref="VenueHttp"/>).
/// </summary>
internal sealed class BinanceRestClient(HttpClient http, BinanceOptions options, TimeProvider time, ILogger<BinanceRestClient> logger) : IVenueHistory, IDisposable
{
    private const int KlinePage = 1500;
    private const int OpenInterestPage = 500;
    private static readonly HashSet<long> TransientCodes = [-1000, -1001, -1003, -1007];
    private readonly VenueHttp _http = new("Binance", http, options.RestUrl, options.Http(429, 418), BodyError, time, logger);

    public long Requests => _http.Requests;

    /// <summary>Every row in the range, the one still trading included: callers ask for closed minutes only.</summary>
    public async Task<List<KlineRow>> GetKlinesAsync(string symbol, TimeSpan step, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var rows = new List<KlineRow>();
        var next = start.ToUnixTimeMilliseconds();
        var endMs = end.ToUnixTimeMilliseconds();
        while (next <= endMs)
        {
            using var doc = await _http.GetAsync($"/fapi/v1/klines?symbol={symbol}&interval={Interval(step)}&startTime={next}&endTime={endMs}&limit={KlinePage}", cancellationToken);
            var count = 0;
            foreach (var k in doc.RootElement.EnumerateArray())
            {
                count++;
                var open = JsonNumbers.Long(k[0]);
                next = Math.Max(next, open + (long)step.TotalMilliseconds);
                rows.Add(new KlineRow(
                    DateTimeOffset.FromUnixTimeMilliseconds(open),
                    JsonNumbers.Double(k[1]), JsonNumbers.Double(k[2]), JsonNumbers.Double(k[3]), JsonNumbers.Double(k[4]),
                    JsonNumbers.Double(k[5]), JsonNumbers.Double(k[7]), JsonNumbers.Double(k[10])));
            }

            if (count < KlinePage)
            {
                break;
            }
        }

        return rows.DistinctBy(r => r.OpenTime).OrderBy(r => r.OpenTime).ToList();
    }

    /// <summary>sumOpenInterestValue (USDT, one side) in 5-minute steps; Binance keeps one month, so older starts are clipped.</summary>
    public async Task<List<OpenInterestPoint>> GetOpenInterestAsync(string symbol, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var earliest = time.GetUtcNow() - BinanceOptions.OpenInterestHistoryDepth + TimeGrid.FiveMinutes;
        var points = new List<OpenInterestPoint>();
        var windowEnd = end;
        var from = start < earliest ? earliest : start;
        while (windowEnd >= from)
        {
            var windowStart = windowEnd - (TimeGrid.FiveMinutes * (OpenInterestPage - 1));
            windowStart = windowStart < from ? from : windowStart;
            using var doc = await _http.GetAsync($"/futures/data/openInterestHist?symbol={symbol}&period=5m&startTime={windowStart.ToUnixTimeMilliseconds()}&endTime={windowEnd.ToUnixTimeMilliseconds()}&limit={OpenInterestPage}", cancellationToken);
            foreach (var p in doc.RootElement.EnumerateArray())
            {
                points.Add(new OpenInterestPoint(JsonNumbers.Millis(p.GetProperty("timestamp")), JsonNumbers.Double(p.GetProperty("sumOpenInterestValue"))));
            }

            windowEnd = windowStart - TimeSpan.FromMilliseconds(1);
        }

        return points.DistinctBy(p => p.Time).OrderBy(p => p.Time).ToList();
    }

    /// <summary>The history is in USDT already.</summary>
    public double OpenInterestUsd(double reading, in KlineRow kline) => reading;

    /// <summary>Open interest now, in base coin (BTC for BTCUSDT), one side.</summary>
    public async Task<double> GetOpenInterestNowAsync(string symbol, CancellationToken cancellationToken)
    {
        using var doc = await _http.GetAsync($"/fapi/v1/openInterest?symbol={symbol}", cancellationToken);
        return JsonNumbers.Double(doc.RootElement.GetProperty("openInterest"));
    }

    /// <summary>Every USDT perpetual trading now, from /fapi/v1/exchangeInfo (contractType PERPETUAL, status TRADING).</summary>
    public async Task<IReadOnlySet<string>> ListPerpetualsAsync(CancellationToken cancellationToken)
    {
        using var doc = await _http.GetAsync("/fapi/v1/exchangeInfo", cancellationToken);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in doc.RootElement.GetProperty("symbols").EnumerateArray())
        {
            if (s.GetProperty("contractType").GetString() == "PERPETUAL" && s.GetProperty("status").GetString() == "TRADING" && s.GetProperty("quoteAsset").GetString() == "USDT")
            {
                symbols.Add(s.GetProperty("symbol").GetString()!);
            }
        }

        return symbols;
    }

    public void Dispose() => _http.Dispose();

    private static string Interval(TimeSpan step) => string.Create(CultureInfo.InvariantCulture, $"{(int)step.TotalMinutes}m");

    private static VenueRestException? BodyError(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt64() != 200
            ? new VenueRestException($"Binance error {code.GetInt64()}: {(body.TryGetProperty("msg", out var m) ? m.GetString() : null)}", code.GetInt64().ToString(CultureInfo.InvariantCulture), 200, TransientCodes.Contains(code.GetInt64()))
            : null;
}
