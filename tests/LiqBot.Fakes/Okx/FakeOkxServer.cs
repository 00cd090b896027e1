using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Venues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Okx;

/// <summary>
/// A fake OKX v5 on 127.0.0.1: /ws/v5/public and /ws/v5/business (subscribe acks one per arg, error
/// 60018 for a channel on the wrong URL or an unknown instrument, text ping/pong) and the REST endpoints
/// public/instruments, public/position-tiers (three isolated swap tiers, caps in contracts), market/history-candles (newest first, 300 a page) and the rubik open-interest
/// history (newest first, 100 a page, the last 1,440 rows only), in OKX's {"code":"0","data":[...]} envelope.
/// </summary>
public sealed class FakeOkxServer : IAsyncDisposable
{
    public const string PublicPath = "/ws/v5/public";
    public const string BusinessPath = "/ws/v5/business";
    private static readonly string[] PublicChannels = ["trades", "open-interest", "liquidation-orders"];
    private readonly ConcurrentQueue<string> _subscriptions = new();
    private FakeVenueHost _host = null!;

    private FakeOkxServer()
    {
    }

    public FakeVenueHost Host => _host;

    public Uri RestUrl => _host.Url("http", string.Empty);

    public Uri PublicStreamUrl => _host.Url("ws", PublicPath);

    public Uri BusinessStreamUrl => _host.Url("ws", BusinessPath);

    public ISet<string> Instruments { get; } = new HashSet<string>(["BTC-USDT-SWAP", "ETH-USDT-SWAP"]);

    /// <summary>"Now" on the exchange: no candle or reading newer (unset: the clock).</summary>
    public DateTimeOffset? HistoryEnd { get; set; }

    /// <summary>Stop answering pings (the sockets stay open).</summary>
    public bool Silent { get; set; }

    /// <summary>Answer subscribes to this channel with error 60018.</summary>
    public string? RefusedChannel { get; set; }

    /// <summary>Every subscribe arg received, as "path channel instId|instType".</summary>
    public IReadOnlyCollection<string> Subscriptions => _subscriptions;

    public static async Task<FakeOkxServer> StartAsync()
    {
        var server = new FakeOkxServer();
        server._host = await FakeVenueHost.StartAsync((app, host) =>
        {
            app.MapGet("/api/v5/public/instruments", (HttpContext c) => host.Answer(c) ?? server.InstrumentsAnswer(c.Request.Query));
            app.MapGet("/api/v5/market/history-candles", (HttpContext c) => host.Answer(c) ?? server.Candles(c.Request.Query));
            app.MapGet("/api/v5/rubik/stat/contracts/open-interest-history", (HttpContext c) => host.Answer(c) ?? server.OpenInterestHistory(c.Request.Query));
            app.MapGet("/api/v5/public/position-tiers", (HttpContext c) => host.Answer(c) ?? server.PositionTiers(c.Request.Query));
            app.Map(PublicPath, (HttpContext c) => host.AcceptAsync(c, _ => Task.CompletedTask, (socket, text) => server.OnTextAsync(PublicPath, socket, text)));
            app.Map(BusinessPath, (HttpContext c) => host.AcceptAsync(c, _ => Task.CompletedTask, (socket, text) => server.OnTextAsync(BusinessPath, socket, text)));
        });
        return server;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task OnTextAsync(string path, FakeSocket socket, string text)
    {
        if (text == "ping")
        {
            if (!Silent)
            {
                await socket.SendAsync("pong");
            }

            return;
        }

        using var doc = JsonDocument.Parse(text);
        var id = doc.RootElement.TryGetProperty("id", out var i) ? i.GetString() : null;
        foreach (var arg in doc.RootElement.GetProperty("args").EnumerateArray())
        {
            var channel = arg.GetProperty("channel").GetString()!;
            var target = arg.TryGetProperty("instId", out var inst) ? inst.GetString()! : arg.GetProperty("instType").GetString()!;
            _subscriptions.Enqueue($"{path} {channel} {target}");
            var onRightUrl = path == PublicPath ? PublicChannels.Contains(channel) : channel.StartsWith("candle", StringComparison.Ordinal);
            var known = channel == "liquidation-orders" ? target == "SWAP" : Instruments.Contains(target);
            await socket.SendAsync(onRightUrl && known && channel != RefusedChannel
                ? $$"""{"id":"{{id}}","event":"subscribe","arg":{{arg.GetRawText()}},"connId":"accb8e21"}"""
                : $$"""{"id":"{{id}}","event":"error","code":"60018","msg":"Wrong URL or channel:{{channel}},instId:{{target}} doesn't exist","connId":"a4d3ae55"}""");
        }
    }

    private IResult InstrumentsAnswer(IQueryCollection q)
    {
        var instId = q["instId"].ToString();
        if (instId.Length == 0)
        {
            // The whole SWAP list: every instrument, and an inverse (coin-margined) swap the bot must leave out.
            return Envelope(Instruments.Order(StringComparer.Ordinal).Select(Instrument)
                .Append(new { instId = "BTC-USD-SWAP", instType = "SWAP", state = "live", ctType = "inverse", ctVal = "100", ctMult = "1", ctValCcy = "USD", lotSz = "1", tickSz = "0.1" }));
        }

        return Instruments.Contains(instId)
            ? Envelope(new[] { Instrument(instId) })
            : Results.Text("""{"code":"51001","msg":"Instrument ID does not exist","data":[]}""", "application/json");
    }

    private static object Instrument(string instId) =>
        new { instId, instType = "SWAP", state = "live", ctType = "linear", ctVal = instId.StartsWith("BTC", StringComparison.Ordinal) ? "0.01" : instId.StartsWith("ETH", StringComparison.Ordinal) ? "0.1" : "1", ctMult = "1", ctValCcy = instId.Split('-')[0], lotSz = "0.01", tickSz = "0.1" };

    private IResult PositionTiers(IQueryCollection q)
    {
        var family = q["instFamily"].ToString();
        var instId = family + "-SWAP";
        if (q["instType"] != "SWAP" || q["tdMode"] is not { Count: 1 } mode || (mode != "isolated" && mode != "cross") || !Instruments.Contains(instId))
        {
            return Results.Text("""{"code":"51000","msg":"Parameter instFamily error","data":[]}""", "application/json");
        }

        return Envelope(new[]
        {
            new { uly = family, instFamily = family, instId = string.Empty, tier = "1", minSz = "0", maxSz = "10000", mmr = "0.004", imr = "0.01", maxLever = "100", optMgnFactor = "0", baseMaxLoan = string.Empty, quoteMaxLoan = string.Empty },
            new { uly = family, instFamily = family, instId = string.Empty, tier = "2", minSz = "10001", maxSz = "20000", mmr = "0.006", imr = "0.0133", maxLever = "75", optMgnFactor = "0", baseMaxLoan = string.Empty, quoteMaxLoan = string.Empty },
            new { uly = family, instFamily = family, instId = string.Empty, tier = "3", minSz = "20001", maxSz = "40000", mmr = "0.008", imr = "0.02", maxLever = "50", optMgnFactor = "0", baseMaxLoan = string.Empty, quoteMaxLoan = string.Empty },
        });
    }

    private IResult Candles(IQueryCollection q)
    {
        if (!Instruments.Contains(q["instId"].ToString()))
        {
            return Results.Text("""{"code":"51001","msg":"Instrument ID does not exist","data":[]}""", "application/json");
        }

        var step = q["bar"].ToString() switch { "1m" => 60_000L, "5m" => 300_000L, var other => throw new ArgumentException(other) };
        var after = Long(q, "after");
        var limit = Math.Min(300, q.ContainsKey("limit") ? int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture) : 100);
        var newest = after - 1;
        if (HistoryEnd is { } end)
        {
            newest = Math.Min(newest, end.ToUnixTimeMilliseconds() - step);
        }

        var rows = new List<string[]>();
        for (var t = newest - (newest % step); rows.Count < limit; t -= step)
        {
            rows.Add(FakeOkxHistory.Candle(t, step));
        }

        return Envelope(rows);
    }

    private IResult OpenInterestHistory(IQueryCollection q)
    {
        var now = (HistoryEnd ?? TimeProvider.System.GetUtcNow()).ToUnixTimeMilliseconds();
        var newestKept = now - (now % 300_000);
        var oldestKept = newestKept - ((FakeOkxHistory.OpenInterestRows - 1) * 300_000L);
        var end = Math.Min(Long(q, "end") - 1, newestKept);
        var limit = Math.Min(100, q.ContainsKey("limit") ? int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture) : 100);
        var rows = new List<string[]>();
        for (var t = end - (end % 300_000); t >= oldestKept && rows.Count < limit; t -= 300_000)
        {
            rows.Add(FakeOkxHistory.OpenInterest(t));
        }

        return Envelope(rows);
    }

    private static IResult Envelope(object data) => Results.Text(JsonSerializer.Serialize(new { code = "0", msg = string.Empty, data }), "application/json");

    private static long Long(IQueryCollection q, string key) => long.Parse(q[key].ToString(), CultureInfo.InvariantCulture);
}
