namespace LiqBot.Exchanges.Replay;

/// <summary>Where each field sits in a bar CSV, found by header name (the names of ../shared/data and common aliases).</summary>
internal sealed record BarCsvColumns(int Time, bool TimeIsIso, int Open, int High, int Low, int Close, int OpenInterest, int? LongLiquidated, int? ShortLiquidated, int? Vwap, int? TakerBuy, int? TakerSell)
{
    public static BarCsvColumns Find(string headerLine, string fileName)
    {
        var names = headerLine.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList();
        int? Find(params string[] aliases) => aliases.Select(a => names.IndexOf(a)).Where(i => i >= 0).Select(i => (int?)i).FirstOrDefault();

        var missing = new List<string>();
        int Require(params string[] aliases)
        {
            if (Find(aliases) is { } index)
            {
                return index;
            }

            missing.Add(aliases[0]);
            return -1;
        }

        var unixTime = Find("timestamp", "open_time", "time", "ts");
        var isoTime = Find("datetime_utc", "datetime", "date");
        var open = Require("price_open", "open");
        var high = Require("price_high", "high");
        var low = Require("price_low", "low");
        var close = Require("price_close", "close");
        var openInterest = Require("oi_close", "open_interest_usd", "open_interest", "oi");
        if (unixTime is null && isoTime is null)
        {
            missing.Insert(0, "timestamp");
        }

        if (missing.Count > 0)
        {
            throw new MarketDataException($"{fileName} lacks the column(s) {string.Join(", ", missing)}: a bar CSV needs time, open, high, low, close and open interest.");
        }

        return new BarCsvColumns(
            unixTime ?? isoTime!.Value,
            unixTime is null,
            open,
            high,
            low,
            close,
            openInterest,
            Find("liquidation_long_usd", "longusd", "long_liquidation_usd"),
            Find("liquidation_short_usd", "shortusd", "short_liquidation_usd"),
            Find("vwap"),
            Find("taker_buy_usd", "buy_volume_usd"),
            Find("taker_sell_usd", "sell_volume_usd"));
    }
}
