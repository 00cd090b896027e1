using System.Globalization;
using System.Text.Json;
using LiqBot.Fakes.Venues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Binance;

/// <summary>
/// A fake Binance USDⓈ-M on 127.0.0.1: the routed /market/stream?streams=... WebSocket (an unknown stream
/// is refused with an error frame, as Binance's router does for bad requests) and the REST endpoints
/// /fapi/v1/klines (ascending, 1500 a page), /futures/data/openInterestHist (500 a page, last month),
/// /fapi/v1/openInterest. While <see cref="Heartbeat"/> is on, every socket gets a mark price each 200 ms.
/// </summary>
public sealed class FakeBinanceServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private FakeVenueHost _host = null!;
    private Task _heartbeat = Task.CompletedTask;

    private FakeBinanceServer()
    {
    }

    public FakeVenueHost Host => _host;

    public Uri RestUrl => _host.Url("http", string.Empty);

    /// <summary>The routed path the client appends /stream?streams=... to.</summary>
    public Uri StreamUrl => _host.Url("ws", "/market");

    public ISet<string> Symbols { get; } = new HashSet<string>(["BTCUSDT", "ETHUSDT"]);

    /// <summary>No kline or open interest newer than this ("now" on the exchange); unset, any requested minute is served.</summary>
    public DateTimeOffset? HistoryEnd { get; set; }

    public double OpenInterestBtc { get; set; } = FakeBinanceHistory.OpenInterestBtc;

    public double HeartbeatMark { get; set; } = 60_000;

    /// <summary>Answer every connection with Binance's invalid-stream error.</summary>
    public bool RefuseStreams { get; set; }

    /// <summary>Send a mark price to every socket each 200 ms (off: the connection goes silent).</summary>
    public bool Heartbeat { get; set; } = true;

    public static async Task<FakeBinanceServer> StartAsync()
    {
        var server = new FakeBinanceServer();
        server._host = await FakeVenueHost.StartAsync((app, host) =>
        {
            app.MapGet("/fapi/v1/klines", (HttpContext c) => host.Answer(c) ?? server.Klines(c.Request.Query));
            app.MapGet("/futures/data/openInterestHist", (HttpContext c) => host.Answer(c) ?? server.OpenInterestHistory(c.Request.Query));
            app.MapGet("/fapi/v1/exchangeInfo", (HttpContext c) => host.Answer(c) ?? server.ExchangeInfo());
            app.MapGet("/fapi/v1/openInterest", (HttpContext c) => host.Answer(c) ?? server.OpenInterestNow(c.Request.Query));
            app.Map("/market/stream", (HttpContext c) => host.AcceptAsync(c, socket => server.OnOpenAsync(c, socket), (_, _) => Task.CompletedTask));
        });
        server._heartbeat = server.HeartbeatAsync(server._stop.Token);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat;
        await _host.DisposeAsync();
        _stop.Dispose();
    }

    private async Task OnOpenAsync(HttpContext context, Bybit.FakeSocket socket)
    {
        var streams = context.Request.Query["streams"].ToString().Split('/', StringSplitOptions.RemoveEmptyEntries);
        var bad = streams.FirstOrDefault(s => !IsKnownStream(s));
        if (RefuseStreams || bad is not null || streams.Length == 0)
        {
            await socket.SendAsync("""{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":null}""");
        }
    }

    private bool IsKnownStream(string stream)
    {
        var at = stream.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && Symbols.Contains(stream[..at].ToUpperInvariant()) && stream[(at + 1)..] is "kline_1m" or "aggTrade" or "markPrice@1s" or "forceOrder";
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(200, cancellationToken);
                if (Heartbeat && _host is not null)
                {
                    await _host.PushAsync(FakeBinanceFrames.MarkPrice(Symbols.First(), TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), HeartbeatMark));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Every symbol as a trading USDT perpetual, beside a quarterly future and a settling perpetual the bot must leave out.</summary>
    private IResult ExchangeInfo()
    {
        var symbols = Symbols.Order(StringComparer.Ordinal).Select(s => Symbol(s, "PERPETUAL", "TRADING"))
            .Append(Symbol("BTCUSDT_261225", "CURRENT_QUARTER", "TRADING"))
            .Append(Symbol("OLDUSDT", "PERPETUAL", "SETTLING"));
        return Json(new { timezone = "UTC", serverTime = 1_765_000_000_000L, rateLimits = Array.Empty<object>(), assets = Array.Empty<object>(), symbols });
    }

    private static object Symbol(string symbol, string contractType, string status) => new
    {
        symbol,
        pair = symbol.Split('_')[0],
        contractType,
        status,
        baseAsset = symbol[..^"USDT".Length].Split('_')[0],
        quoteAsset = "USDT",
        marginAsset = "USDT",
        underlyingType = "COIN",
    };

    private IResult Klines(IQueryCollection q)
    {
        if (SymbolError(q) is { } error)
        {
            return error;
        }

        var step = q["interval"].ToString() switch { "1m" => 60_000L, "5m" => 300_000L, var other => throw new ArgumentException(other) };
        var start = Long(q, "startTime");
        var end = Long(q, "endTime");
        var limit = Math.Min(1500, q.ContainsKey("limit") ? int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture) : 500);
        if (HistoryEnd is { } historyEnd)
        {
            end = Math.Min(end, historyEnd.ToUnixTimeMilliseconds() - step);
        }

        var rows = new List<object[]>();
        for (var t = start + ((step - (start % step)) % step); t <= end && rows.Count < limit; t += step)
        {
            rows.Add(FakeBinanceHistory.Kline(t, step));
        }

        return Json(rows);
    }

    private IResult OpenInterestHistory(IQueryCollection q)
    {
        if (SymbolError(q) is { } error)
        {
            return error;
        }

        var symbol = q["symbol"].ToString();
        var end = Long(q, "endTime");
        var start = Long(q, "startTime");
        var limit = Math.Min(500, q.ContainsKey("limit") ? int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture) : 30);
        if (HistoryEnd is { } historyEnd)
        {
            end = Math.Min(end, historyEnd.ToUnixTimeMilliseconds());
        }

        var rows = new List<object>();
        for (var t = end - (end % 300_000); t >= start && rows.Count < limit; t -= 300_000)
        {
            var usd = FakeBinanceHistory.OpenInterestUsd(t);
            rows.Add(new { symbol, sumOpenInterest = (usd / FakeBinanceHistory.Price(t)).ToString("0.00000000", CultureInfo.InvariantCulture), sumOpenInterestValue = usd.ToString("0.00000000", CultureInfo.InvariantCulture), CMCCirculatingSupply = "165880.538", timestamp = t });
        }

        rows.Reverse(); // ascending, oldest first
        return Json(rows);
    }

    private IResult OpenInterestNow(IQueryCollection q) =>
        SymbolError(q) ?? Json(new { openInterest = OpenInterestBtc.ToString("0.###", CultureInfo.InvariantCulture), symbol = q["symbol"].ToString(), time = 1589437530011L });

    private IResult? SymbolError(IQueryCollection q) =>
        Symbols.Contains(q["symbol"].ToString()) ? null : Results.Text("""{"code":-1121,"msg":"Invalid symbol."}""", "application/json", statusCode: 400);

    private static IResult Json(object value) => Results.Text(JsonSerializer.Serialize(value), "application/json");

    private static long Long(IQueryCollection q, string key) => long.Parse(q[key].ToString(), CultureInfo.InvariantCulture);
}
