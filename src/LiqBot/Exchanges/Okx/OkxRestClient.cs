using LiqBot.Engine.Risk;
using System.Globalization;
using System.Text.Json;

namespace LiqBot.Exchanges.Okx;

/// <summary>
/// A thin typed client for the OKX v5 public endpoints: instruments (ctVal), history-candles (newest
/// first, 300 a page, paged back with after) and the rubik open-interest history (newest first, 100 a
/// page, paged back with end; OKX keeps 1,440 rows, about 5 days at 5 minutes). Errors come with HTTP 200
/// and a string code other than "0".
/// </summary>
internal sealed class OkxRestClient(HttpClient http, OkxOptions options, TimeProvider time, ILogger<OkxRestClient> logger) : IVenueHistory, IDisposable
{
    private const int CandlePage = 300;
    private const int OpenInterestPage = 100;
    private static readonly HashSet<string> TransientCodes = ["50001", "50004", "50011", "50013"];
    private readonly VenueHttp _http = new("OKX", http, options.RestUrl, options.Http(429) with { EndpointLimits = EndpointLimits }, BodyError, time, logger);

    /// <summary>
    /// OKX limits public requests per endpoint and IP (some per instrument too), per 2 seconds; each endpoint
    /// the bot calls gets its own limiter, so a warm start pages candles and open interest side by side
    /// instead of under one cap. Okx:RequestsPerWindow covers any other endpoint.
    /// </summary>
    private static readonly EndpointLimit[] EndpointLimits =
    [
        new("/api/v5/market/history-candles", 20, TimeSpan.FromSeconds(2)),
        new("/api/v5/rubik/stat/contracts/open-interest-history", 10, TimeSpan.FromSeconds(2), PerQueryKey: "instId"),
        new("/api/v5/public/instruments", 20, TimeSpan.FromSeconds(2)),
        new("/api/v5/public/position-tiers", 10, TimeSpan.FromSeconds(2)),
    ];

    public long Requests => _http.Requests;

    /// <summary>Contract value in base coin (0.01 BTC for BTC-USDT-SWAP) times the multiplier; null when OKX does not list the swap.</summary>
    public async Task<double?> GetContractValueAsync(string symbol, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = await _http.GetAsync($"/api/v5/public/instruments?instType=SWAP&instId={OkxSymbols.ToInstrument(symbol)}", cancellationToken);
            foreach (var row in doc.RootElement.GetProperty("data").EnumerateArray())
            {
                var multiplier = row.TryGetProperty("ctMult", out var m) ? JsonNumbers.DoubleOrNull(m) ?? 1 : 1;
                return JsonNumbers.Double(row.GetProperty("ctVal")) * multiplier;
            }

            return null;
        }
        catch (VenueRestException e) when (e.Code == "51001")
        {
            return null;
        }
    }

    /// <summary>
    /// The swap's isolated-margin position tiers from /api/v5/public/position-tiers; caps are in contracts
    /// (maxSz), so they are returned in contracts and the caller turns them into USD.
    /// </summary>
    public async Task<IReadOnlyList<MarginTier>> GetMarginTiersInContractsAsync(string symbol, CancellationToken cancellationToken)
    {
        var instrument = OkxSymbols.ToInstrument(symbol);
        using var doc = await _http.GetAsync($"/api/v5/public/position-tiers?instType=SWAP&tdMode=isolated&instFamily={instrument[..^"-SWAP".Length]}", cancellationToken);
        var tiers = new List<MarginTier>();
        foreach (var row in doc.RootElement.GetProperty("data").EnumerateArray())
        {
            if ((!row.TryGetProperty("instId", out var id) || id.GetString() is not { Length: > 0 } rowId || rowId == instrument)
                && JsonNumbers.DoubleOrNull(row.GetProperty("maxSz")) is { } cap
                && JsonNumbers.DoubleOrNull(row.GetProperty("mmr")) is { } rate
                && JsonNumbers.DoubleOrNull(row.GetProperty("maxLever")) is { } leverage)
            {
                tiers.Add(new MarginTier(cap, rate, leverage));
            }
        }

        return [.. tiers.OrderBy(t => t.NotionalCap)];
    }

    public async Task<List<KlineRow>> GetKlinesAsync(string symbol, TimeSpan step, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var rows = new List<KlineRow>();
        var after = (end + step).ToUnixTimeMilliseconds();
        var startMs = start.ToUnixTimeMilliseconds();
        while (after > startMs)
        {
            using var doc = await _http.GetAsync($"/api/v5/market/history-candles?instId={OkxSymbols.ToInstrument(symbol)}&bar={(int)step.TotalMinutes}m&after={after}&limit={CandlePage}", cancellationToken);
            var count = 0;
            foreach (var row in doc.RootElement.GetProperty("data").EnumerateArray())
            {
                count++;
                var candle = OkxCandle.Read(row, out var confirmed);
                after = Math.Min(after, candle.OpenTime.ToUnixTimeMilliseconds());
                if (confirmed && candle.OpenTime.ToUnixTimeMilliseconds() >= startMs)
                {
                    rows.Add(candle);
                }
            }

            if (count < CandlePage)
            {
                break;
            }
        }

        return rows.DistinctBy(r => r.OpenTime).OrderBy(r => r.OpenTime).ToList();
    }

    /// <summary>oiUsd at 5-minute steps, as far back as OKX keeps them (about 5 days).</summary>
    public async Task<List<OpenInterestPoint>> GetOpenInterestAsync(string symbol, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var points = new List<OpenInterestPoint>();
        var before = end.ToUnixTimeMilliseconds() + 1;
        var startMs = start.ToUnixTimeMilliseconds();
        while (before > startMs)
        {
            using var doc = await _http.GetAsync($"/api/v5/rubik/stat/contracts/open-interest-history?instId={OkxSymbols.ToInstrument(symbol)}&period=5m&end={before}&limit={OpenInterestPage}", cancellationToken);
            var count = 0;
            foreach (var row in doc.RootElement.GetProperty("data").EnumerateArray())
            {
                count++;
                var ts = JsonNumbers.Long(row[0]);
                before = Math.Min(before, ts);
                if (ts >= startMs)
                {
                    points.Add(new OpenInterestPoint(DateTimeOffset.FromUnixTimeMilliseconds(ts), JsonNumbers.Double(row[3])));
                }
            }

            if (count < OpenInterestPage)
            {
                break;
            }
        }

        return points.DistinctBy(p => p.Time).OrderBy(p => p.Time).ToList();
    }

    /// <summary>The rubik history is in USD already.</summary>
    public double OpenInterestUsd(double reading, in KlineRow kline) => reading;

    /// <summary>
    /// Every live USDT-margined linear swap, from /api/v5/public/instruments?instType=SWAP, by our names
    /// (SOL-USDT-SWAP is SOLUSDT). Its ctVal is read per symbol when a session follows it.
    /// </summary>
    public async Task<IReadOnlySet<string>> ListPerpetualsAsync(CancellationToken cancellationToken)
    {
        using var doc = await _http.GetAsync("/api/v5/public/instruments?instType=SWAP", cancellationToken);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in doc.RootElement.GetProperty("data").EnumerateArray())
        {
            if (row.GetProperty("state").GetString() == "live" && row.GetProperty("ctType").GetString() == "linear"
                && row.GetProperty("instId").GetString() is { } instId && instId.EndsWith("-USDT-SWAP", StringComparison.Ordinal))
            {
                symbols.Add(OkxSymbols.FromInstrument(instId));
            }
        }

        return symbols;
    }

    public void Dispose() => _http.Dispose();

    private static VenueRestException? BodyError(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var code) && code.GetString() is { } c && c != "0"
            ? new VenueRestException($"OKX error {c}: {(body.TryGetProperty("msg", out var m) ? m.GetString() : null)}", c, 200, TransientCodes.Contains(c))
            : null;
}
