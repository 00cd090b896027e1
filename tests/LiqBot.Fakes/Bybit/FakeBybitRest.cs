using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Bybit;

/// <summary>The REST side of <see cref="FakeBybitServer"/>: kline, open-interest (cursor pages), instruments-info, risk-limit.</summary>
internal static class FakeBybitRest
{
    public static void Map(WebApplication app, FakeBybitServer server)
    {
        app.MapGet("/v5/market/kline", (HttpContext c) => Handle(c, server, () => Kline(c.Request.Query, server)));
        app.MapGet("/v5/market/open-interest", (HttpContext c) => Handle(c, server, () => OpenInterest(c.Request.Query, server)));
        app.MapGet("/v5/market/instruments-info", (HttpContext c) => Handle(c, server, () => Instruments(c.Request.Query, server)));
        app.MapGet("/v5/market/risk-limit", (HttpContext c) => Handle(c, server, () => RiskLimit(c.Request.Query)));
    }

    private static IResult Handle(HttpContext context, FakeBybitServer server, Func<object> result)
    {
        server.Record(context.Request);
        context.Response.Headers["X-Bapi-Limit"] = "600";
        if (server.NextFault(context.Request.Path) is { } fault)
        {
            return fault.HttpStatus != 200
                ? Results.Text(fault.HttpStatus == 403 ? "access too frequent" : "Too Many Requests", statusCode: fault.HttpStatus)
                : Envelope(fault.RetCode, fault.RetMsg, new { });
        }

        try
        {
            return Envelope(0, "OK", result());
        }
        catch (ArgumentException e)
        {
            return Envelope(10001, e.Message, new { });
        }
    }

    private static IResult Envelope(int retCode, string retMsg, object result) =>
        Results.Text(JsonSerializer.Serialize(new { retCode, retMsg, result, retExtInfo = new { }, time = 1672025956592L }), "application/json");

    private static object Kline(IQueryCollection q, FakeBybitServer server)
    {
        var symbol = q["symbol"].ToString();
        var interval = int.Parse(q["interval"].ToString(), CultureInfo.InvariantCulture);
        var step = interval * 60_000L;
        var start = Long(q, "start");
        var end = Long(q, "end");
        var limit = q.ContainsKey("limit") ? int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture) : 200;
        if (server.HistoryEnd is { } historyEnd)
        {
            end = Math.Min(end, historyEnd.ToUnixTimeMilliseconds() - step);
        }

        var list = new List<string[]>();
        for (var t = end - (((end % step) + step) % step); t >= start && list.Count < limit; t -= step)
        {
            var kline = FakeBybitHistory.Kline(t, interval);
            if (t == server.CorruptKlineOpenMs)
            {
                (kline[2], kline[3]) = (kline[3], kline[2]);
            }

            list.Add(kline);
        }

        return new { symbol, category = "linear", list };
    }

    private static object OpenInterest(IQueryCollection q, FakeBybitServer server)
    {
        const long step = 300_000;
        var symbol = q["symbol"].ToString();
        if (q["intervalTime"] != "5min")
        {
            throw new ArgumentException("params error: intervalTime invalid");
        }

        var start = Long(q, "startTime");
        var end = Long(q, "endTime");
        if (server.HistoryEnd is { } historyEnd)
        {
            end = Math.Min(end, historyEnd.ToUnixTimeMilliseconds());
        }

        var limit = q.ContainsKey("limit") ? int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture) : 50;
        var top = end - (end % step);
        var cursor = q["cursor"].ToString();
        if (cursor.Length > 0)
        {
            // A decoded cursor reads "lastid=N&lasttime=T"; a double-encoded one would still contain %3D.
            if (!cursor.StartsWith("lastid=", StringComparison.Ordinal))
            {
                throw new ArgumentException("params error: cursor invalid");
            }

            top = long.Parse(cursor.Split('&')[1]["lasttime=".Length..], CultureInfo.InvariantCulture) * 1000 - step;
        }

        var list = new List<object>();
        var t = top;
        for (; t >= start && list.Count < limit; t -= step)
        {
            list.Add(new { openInterest = FakeBybitHistory.OpenInterest(t).ToString("0.00000000", CultureInfo.InvariantCulture), timestamp = t.ToString(CultureInfo.InvariantCulture) });
        }

        var last = t + step;
        var next = t >= start ? $"lastid%3D{last / step}%26lasttime%3D{last / 1000}" : string.Empty;
        return new { symbol, category = "linear", list, nextPageCursor = next };
    }

    private static object Instruments(IQueryCollection q, FakeBybitServer server)
    {
        var symbol = q["symbol"].ToString();
        if (symbol.Length == 0)
        {
            return AllInstruments(q, server);
        }

        var list = server.Symbols.Contains(symbol)
            ? new object[] { Instrument(symbol, "LinearPerpetual", "Trading") }
            : [];
        return new { category = "linear", list, nextPageCursor = string.Empty };
    }

    /// <summary>The whole linear list in cursor pages (the cursor is an offset here), with a dated future and a pre-launch perpetual the bot must leave out.</summary>
    private static object AllInstruments(IQueryCollection q, FakeBybitServer server)
    {
        var rows = server.Symbols.Order(StringComparer.Ordinal).Select(s => Instrument(s, "LinearPerpetual", "Trading"))
            .Append(Instrument("BTC-26JUN26", "LinearFutures", "Trading"))
            .Append(Instrument("NEWUSDT", "LinearPerpetual", "PreLaunch"))
            .ToList();
        var limit = q.ContainsKey("limit") ? int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture) : 500;
        var from = q.ContainsKey("cursor") ? int.Parse(q["cursor"].ToString(), CultureInfo.InvariantCulture) : 0;
        var page = rows.Skip(from).Take(Math.Min(limit, server.InstrumentPage)).ToList();
        var next = from + page.Count < rows.Count ? (from + page.Count).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return new { category = "linear", list = page, nextPageCursor = next };
    }

    private static object Instrument(string symbol, string contractType, string status) =>
        new { symbol, contractType, status, baseCoin = symbol.EndsWith("USDT", StringComparison.Ordinal) ? symbol[..^4] : symbol[..3], quoteCoin = "USDT", priceScale = "2", fundingInterval = 480, settleCoin = "USDT" };

    private static object RiskLimit(IQueryCollection q)
    {
        var symbol = q["symbol"].ToString();
        return new
        {
            category = "linear",
            list = new object[]
            {
                new { id = 2, symbol, riskLimitValue = "4000000", maintenanceMargin = "0.01", initialMargin = "0.02", isLowestRisk = 0, maxLeverage = "50.00", mmDeduction = "2000" },
                new { id = 1, symbol, riskLimitValue = "2000000", maintenanceMargin = "0.005", initialMargin = "0.01", isLowestRisk = 1, maxLeverage = "100.00", mmDeduction = "" },
            },
        };
    }

    private static long Long(IQueryCollection q, string key) => long.Parse(q[key].ToString(), CultureInfo.InvariantCulture);
}
