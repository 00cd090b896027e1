using System.Globalization;

namespace LiqBot.Fakes.Bybit;

/// <summary>Frames shaped exactly as protocols.md section 1 shows them.</summary>
public static class FakeBybitFrames
{
    public static string Trade(string symbol, long t, bool buy, double size, double price) =>
        $$"""{"topic":"publicTrade.{{symbol}}","type":"snapshot","ts":{{t + 3}},"data":[{"T":{{t}},"s":"{{symbol}}","S":"{{(buy ? "Buy" : "Sell")}}","v":"{{N(size)}}","p":"{{N(price)}}","L":"PlusTick","i":"20f43950-d8dd-5b31-9112-a178eb6023af","BT":false,"seq":1783284617}]}""";

    public static string Liquidation(string symbol, long t, bool longLiquidated, double size, double price) =>
        $$"""{"topic":"allLiquidation.{{symbol}}","type":"snapshot","ts":{{t + 200}},"data":[{"T":{{t}},"s":"{{symbol}}","S":"{{(longLiquidated ? "Buy" : "Sell")}}","v":"{{N(size)}}","p":"{{N(price)}}"}]}""";

    public static string TickerSnapshot(string symbol, long ts, double lastPrice, double openInterest, double openInterestValue) =>
        $$"""{"topic":"tickers.{{symbol}}","type":"snapshot","data":{"symbol":"{{symbol}}","tickDirection":"MinusTick","price24hPcnt":"-0.158315","lastPrice":"{{N(lastPrice)}}","prevPrice24h":"79206.20","highPrice24h":"79266.30","lowPrice24h":"65076.90","prevPrice1h":"66666.60","markPrice":"{{N(lastPrice)}}","indexPrice":"{{N(lastPrice)}}","openInterest":"{{N(openInterest)}}","openInterestValue":"{{N(openInterestValue)}}","turnover24h":"4936790807.6521","volume24h":"73191.3870","fundingIntervalHour":"8","fundingCap":"0.005","nextFundingTime":"1760342400000","fundingRate":"-0.005","bid1Price":"{{N(lastPrice)}}","bid1Size":"23789.165","ask1Price":"{{N(lastPrice)}}","ask1Size":"23775.469","preOpenPrice":"","preQty":"","curPreListingPhase":""},"cs":9532239429,"ts":{{ts}}}""";

    /// <summary>A delta carrying only the given fields (values as strings; "" allowed).</summary>
    public static string TickerDelta(string symbol, long ts, params (string Field, string Value)[] fields)
    {
        var body = string.Concat(fields.Select(f => $",\"{f.Field}\":\"{f.Value}\""));
        return $$"""{"topic":"tickers.{{symbol}}","type":"delta","data":{"symbol":"{{symbol}}"{{body}}},"cs":793092205004,"ts":{{ts}}}""";
    }

    public static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
