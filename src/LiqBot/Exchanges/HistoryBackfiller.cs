using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// Rebuilds closed bars for [from, to) from a venue's REST history: 5-minute klines where whole 5-minute
/// buckets fit, 1-minute klines for the ragged ends, each joined with the 5-minute open interest taken at
/// or before the bar's close. VWAP = turnover / volume; taker buy and sell when the venue's klines split
/// them. Liquidations are not in any REST history and stay null; bars before the first open-interest
/// reading are left out (the venue keeps less OI history than klines).
/// </summary>
internal sealed class HistoryBackfiller(IVenueHistory history)
{
    public async Task<List<Bar>> FetchAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        from = TimeGrid.Ceiling(from, TimeGrid.Minute);
        to = TimeGrid.Floor(to, TimeGrid.Minute);
        var bars = new List<Bar>();
        if (to <= from)
        {
            return bars;
        }

        var oi = await history.GetOpenInterestAsync(symbol, from - TimeGrid.FiveMinutes, to, cancellationToken);
        var bodyStart = TimeGrid.Ceiling(from, TimeGrid.FiveMinutes);
        var bodyEnd = TimeGrid.Floor(to, TimeGrid.FiveMinutes);
        if (bodyStart < bodyEnd)
        {
            await AddAsync(bars, symbol, TimeGrid.Minute, from, bodyStart, oi, cancellationToken);
            await AddAsync(bars, symbol, TimeGrid.FiveMinutes, bodyStart, bodyEnd, oi, cancellationToken);
            await AddAsync(bars, symbol, TimeGrid.Minute, bodyEnd, to, oi, cancellationToken);
        }
        else
        {
            await AddAsync(bars, symbol, TimeGrid.Minute, from, to, oi, cancellationToken);
        }

        return bars;
    }

    private async Task AddAsync(List<Bar> bars, string symbol, TimeSpan step, DateTimeOffset from, DateTimeOffset to, List<OpenInterestPoint> oi, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return;
        }

        var klines = await history.GetKlinesAsync(symbol, step, from, to - step, cancellationToken);
        foreach (var k in klines)
        {
            var close = k.OpenTime + step;
            if (k.OpenTime < from || close > to || OpenInterestSeries.At(oi, close) is not { } reading)
            {
                continue;
            }

            bars.Add(k.ToBar(step, history.OpenInterestUsd(reading, k)));
        }
    }
}
