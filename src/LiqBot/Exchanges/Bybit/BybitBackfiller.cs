using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// Rebuilds closed bars for [from, to) from REST: 5-minute klines where whole 5-minute buckets fit,
/// 1-minute klines for the ragged ends, each joined with the 5-minute open interest (base coin) taken at
/// or before the bar's close and converted to USD with the bar's close. VWAP = turnover / volume.
/// Taker volumes and liquidations are not in the REST history and stay null.
/// </summary>
internal sealed class BybitBackfiller(BybitRestClient rest)
{
    private static readonly TimeSpan One = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    public static DateTimeOffset Floor(DateTimeOffset t, TimeSpan step) => new(t.UtcTicks - (t.UtcTicks % step.Ticks), TimeSpan.Zero);

    public static DateTimeOffset Ceiling(DateTimeOffset t, TimeSpan step) => t.UtcTicks % step.Ticks == 0 ? t : Floor(t, step) + step;

    public async Task<List<Bar>> FetchAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        from = Ceiling(from, One);
        to = Floor(to, One);
        var bars = new List<Bar>();
        if (to <= from)
        {
            return bars;
        }

        var oi = await rest.GetOpenInterestAsync(symbol, from - Five, to, cancellationToken);
        var bodyStart = Ceiling(from, Five);
        var bodyEnd = Floor(to, Five);
        if (bodyStart < bodyEnd)
        {
            await AddAsync(bars, symbol, One, from, bodyStart, oi, cancellationToken);
            await AddAsync(bars, symbol, Five, bodyStart, bodyEnd, oi, cancellationToken);
            await AddAsync(bars, symbol, One, bodyEnd, to, oi, cancellationToken);
        }
        else
        {
            await AddAsync(bars, symbol, One, from, to, oi, cancellationToken);
        }

        return bars;
    }

    private async Task AddAsync(List<Bar> bars, string symbol, TimeSpan step, DateTimeOffset from, DateTimeOffset to, List<OpenInterestPoint> oi, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return;
        }

        var klines = await rest.GetKlinesAsync(symbol, (int)step.TotalMinutes, from, to - step, cancellationToken);
        foreach (var k in klines)
        {
            var close = k.OpenTime + step;
            if (k.OpenTime < from || close > to || OpenInterestAt(oi, close) is not { } contracts)
            {
                continue;
            }

            double? vwap = k.Volume > 0 ? k.Turnover / k.Volume : null;
            bars.Add(new Bar(k.OpenTime, step, k.Open, k.High, k.Low, k.Close, contracts * k.Close, Vwap: vwap));
        }
    }

    /// <summary>The last reading at or before <paramref name="time"/>; null before the first reading.</summary>
    private static double? OpenInterestAt(List<OpenInterestPoint> points, DateTimeOffset time)
    {
        int lo = 0, hi = points.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (points[mid].Time <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : points[found].OpenInterest;
    }
}
