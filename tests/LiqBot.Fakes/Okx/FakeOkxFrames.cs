using System.Globalization;

namespace LiqBot.Fakes.Okx;

/// <summary>Push frames in OKX's shapes (protocols-binance-okx.md 2.4-2.6, protocols.md 2.2), with the given values.</summary>
public static class FakeOkxFrames
{
    public static string Candle(string instId, long openMs, double open, double high, double low, double close, double contracts, double baseVolume, double quoteVolume, bool confirmed) =>
        $$"""{"arg":{"channel":"candle1m","instId":"{{instId}}"},"data":[["{{openMs}}","{{S(open)}}","{{S(high)}}","{{S(low)}}","{{S(close)}}","{{S(contracts)}}","{{S(baseVolume)}}","{{S(quoteVolume)}}","{{(confirmed ? "1" : "0")}}"]]}""";

    public static string Trade(string instId, long ms, double price, double contracts, string side) =>
        $$"""{"arg":{"channel":"trades","instId":"{{instId}}"},"data":[{"instId":"{{instId}}","tradeId":"130639474","px":"{{S(price)}}","sz":"{{S(contracts)}}","side":"{{side}}","ts":"{{ms}}","count":"3","source":"0","seqId":1234}]}""";

    public static string OpenInterest(string instId, long ms, double contracts, double contractValue, double usd) =>
        $$"""{"arg":{"channel":"open-interest","instId":"{{instId}}"},"data":[{"instId":"{{instId}}","instType":"SWAP","oi":"{{S(contracts)}}","oiCcy":"{{S(contracts * contractValue)}}","oiUsd":"{{S(usd)}}","ts":"{{ms}}"}]}""";

    /// <summary>side buy closes a short; sz in contracts.</summary>
    public static string Liquidation(string instId, long ms, string side, double contracts, double bankruptcyPrice) =>
        $$"""{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"{{S(bankruptcyPrice)}}","ccy":"","posSide":"{{(side == "buy" ? "short" : "long")}}","side":"{{side}}","sz":"{{S(contracts)}}","ts":"{{ms}}"}],"instFamily":"{{instId[..^5]}}","instId":"{{instId}}","instType":"SWAP","uly":"{{instId[..^5]}}"}]}""";

    public const string UpgradeNotice = """{"event":"notice","code":"64008","msg":"The connection will soon be closed for a service upgrade. Please reconnect.","connId":"a4d3ae55"}""";

    private static string S(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
