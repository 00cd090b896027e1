using System.Globalization;

namespace LiqBot.Fakes.Binance;

/// <summary>Combined-stream frames in Binance's shapes (protocols-binance-okx.md 1.3-1.5, protocols.md 2.1), with the given values.</summary>
public static class FakeBinanceFrames
{
    public static string Kline(string symbol, long openMs, double open, double high, double low, double close, double volume, double quote, double takerBuyBase, double takerBuyQuote, bool closed) =>
        Wrap($"{symbol.ToLowerInvariant()}@kline_1m", $$"""{"e":"kline","E":{{openMs + 59_000}},"s":"{{symbol}}","k":{"t":{{openMs}},"T":{{openMs + 59_999}},"s":"{{symbol}}","i":"1m","f":100,"L":200,"o":"{{S(open)}}","c":"{{S(close)}}","h":"{{S(high)}}","l":"{{S(low)}}","v":"{{S(volume)}}","n":100,"x":{{(closed ? "true" : "false")}},"q":"{{S(quote)}}","V":"{{S(takerBuyBase)}}","Q":"{{S(takerBuyQuote)}}","B":"123456"}""" + "}");

    public static string AggTrade(string symbol, long ms, double price, double quantity, bool buyerIsMaker) =>
        Wrap($"{symbol.ToLowerInvariant()}@aggTrade", $$"""{"e":"aggTrade","E":{{ms}},"s":"{{symbol}}","a":5933014,"p":"{{S(price)}}","q":"{{S(quantity)}}","f":100,"l":105,"T":{{ms}},"m":{{(buyerIsMaker ? "true" : "false")}}}""");

    public static string MarkPrice(string symbol, long ms, double mark) =>
        Wrap($"{symbol.ToLowerInvariant()}@markPrice@1s", $$"""{"e":"markPriceUpdate","E":{{ms}},"s":"{{symbol}}","p":"{{S(mark)}}","i":"{{S(mark - 5)}}","P":"{{S(mark)}}","r":"0.00038167","T":1562306400000}""");

    /// <summary>side SELL closes a long.</summary>
    public static string ForceOrder(string symbol, long ms, string side, double quantity, double averagePrice) =>
        Wrap($"{symbol.ToLowerInvariant()}@forceOrder", $$"""{"e":"forceOrder","E":{{ms}},"o":{"s":"{{symbol}}","S":"{{side}}","o":"LIMIT","f":"IOC","q":"{{S(quantity)}}","p":"{{S(averagePrice)}}","ap":"{{S(averagePrice)}}","X":"FILLED","l":"{{S(quantity)}}","z":"{{S(quantity)}}","T":{{ms}}""" + "}}");

    public static string Wrap(string stream, string data) => $$"""{"stream":"{{stream}}","data":{{data}}}""";

    private static string S(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
