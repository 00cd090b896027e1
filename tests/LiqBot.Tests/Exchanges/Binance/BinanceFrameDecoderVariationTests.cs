using System.Text;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Exchanges.Binance;

/// <summary>What a reader over the raw bytes could get wrong that a parsed document would not: order, escapes, number forms, strays, and broken frames.</summary>
public sealed class BinanceFrameDecoderVariationTests
{
    private const string DocsKline = """{"t": 1638747660000, "T": 1638747719999, "s": "BTCUSDT", "i": "1m", "f": 100, "L": 200, "o": "0.0010", "c": "0.0020", "h": "0.0025", "l": "0.0015", "v": "1000", "n": 100, "x": true, "q": "1.0000", "V": "500", "Q": "0.500", "B": "123456"}""";
    private readonly BinanceFrameDecoder _decoder = new(["BTCUSDT", "ETHUSDT"]);
    private readonly RecordingBinanceHandler _handler = new();

    [Fact]
    public void FieldOrder_DataBeforeStream_TypeLast_KlineFieldsReversed_ReadTheSame()
    {
        var reversedKline = "{" + string.Join(",", DocsKline.Trim('{', '}').Split(", ").Reverse()) + "}";
        Decode($$"""{"data":{"k":{{reversedKline}},"s":"BTCUSDT","E":1638747660000,"e":"kline"},"stream":"btcusdt@kline_1m"}""");
        Decode($$"""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1638747660000,"s":"BTCUSDT","k":{{DocsKline}}""" + "}}");

        Assert.Equal(2, _handler.Klines.Count);
        Assert.Equal(_handler.Klines[1], _handler.Klines[0]);
        Assert.Equal((0, 0.0020, 0.5, true), (_handler.Klines[0].Symbol, _handler.Klines[0].Kline.Close, _handler.Klines[0].Kline.TakerBuyTurnover!.Value, _handler.Klines[0].Closed));
    }

    [Fact]
    public void EscapedStrings_InKeysTypesSymbolsSidesAndNumbers_AreUnescaped()
    {
        Decode("""{"stream":"ethusdt@forceOrder","data":{"\u0065":"force\u004Frder","E":1568014460893,"o":{"s":"ETH\u0055SDT","\u0053":"S\u0045LL","a\u0070":"99\u0031\u0030","z":"0.01\u0034","T":1568014460893}}}""");

        var liquidation = Assert.Single(_handler.Liquidations);
        Assert.Equal((PositionSide.Long, 9910d), (liquidation.Side, liquidation.Price));
        Assert.Equal(0.014 * 9910, liquidation.NotionalUsd, 9);
    }

    [Fact]
    public void Numbers_AsStringsOrNumbers_TimesAsStrings_SymbolCaseIgnored()
    {
        Decode("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"btcusdt","p":60000.5,"q":"0.25","T":"1700000000123","m":false}}""");
        Decode("""{"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":"1562305380000","s":"ETHUSDT","p":11794.15}}""");

        var trade = Assert.Single(_handler.Trades);
        Assert.Equal((60000.5, 0.25, true, 1700000000123L), (trade.Price, trade.Quantity, trade.TakerIsBuyer, trade.Time.ToUnixTimeMilliseconds()));
        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1562305380000), 11794.15), Assert.Single(_handler.Marks));
    }

    [Fact]
    public void UnknownFieldsAndNestedValues_AreSkipped_UnknownStreamsAreUnknown()
    {
        var trade = Decode("""{"stream":"btcusdt@aggTrade","extra":[1,{"a":[]}],"data":{"e":"aggTrade","st":1,"ps":"BTCUSDT","nested":{"p":"not this"},"s":"BTCUSDT","a":5933014,"p":"0.001","q":"100","f":100,"l":105,"T":123456785,"m":true,"list":[{"q":"x"}]}}""");

        Assert.Equal(FrameKind.Data, trade.Kind);
        Assert.Equal(0.001, Assert.Single(_handler.Trades).Price);
        Assert.Equal(FrameKind.Unknown, Decode("""{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","s":"BTCUSDT","b":"1","p":"not a number"}}""").Kind);
        Assert.Equal(FrameKind.Unknown, Decode("""{"stream":"btcusdt@aggTrade","data":["not","an","object"]}""").Kind);
        Assert.Equal(FrameKind.Unknown, Decode("""{"something":"else"}""").Kind);
    }

    [Theory]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","p":"1","q":"1","T":1,"m":true}} trailing""")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","p":"1","q":"1","T":1,"m":true}}{"stream":"again"}""")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","p":"1","q":"1","T":1,"m":true},"stream":""")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","p":"","q":"1","T":1,"m":true}}""")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","p":"1","q":"1","T":1}}""")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","p":"1","q":"1","T":1,"m":"yes"}}""")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","p":"1","q":"1","T":1,"m":true}}""")]
    [InlineData("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"1","l":"1","c":"1","v":"1","q":"1","x":true}}}""")]
    [InlineData("""{"stream":"btcusdt@forceOrder","data":{"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","ap":"1e999x","z":"1","T":1}}}""")]
    [InlineData("""["not an object"]""")]
    [InlineData("")]
    public void BrokenFrames_AreMalformed_AndApplyNothing(string frame)
    {
        Assert.Equal(FrameKind.Malformed, Decode(frame).Kind);
        Assert.Empty(_handler.Trades);
        Assert.Empty(_handler.Klines);
        Assert.Empty(_handler.Liquidations);
    }

    [Fact]
    public void ErrorWithoutMessage_IsRejectedWithTheErrorAsSent()
    {
        var error = Decode("""{"error":{"code":3},"id":1}""");

        Assert.Equal((FrameKind.SubscribeRejected, """{"code":3}"""), (error.Kind, error.Message));
    }

    [Fact]
    public void DataFrames_AllocateNothing()
    {
        byte[][] frames =
        [
            Encoding.UTF8.GetBytes($$"""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1638747660000,"s":"BTCUSDT","k":{{DocsKline}}""" + "}}"),
            Encoding.UTF8.GetBytes("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":123456789,"s":"BTCUSDT","a":5933014,"p":"0.001","q":"100","f":100,"l":105,"T":123456785,"m":true}}"""),
            Encoding.UTF8.GetBytes("""{"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}}"""),
            Encoding.UTF8.GetBytes("""{"stream":"btcusdt@forceOrder","data":{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}}"""),
        ];
        var handler = new CountingBinanceHandler();

        var allocated = AllocationProbe.BytesAllocatedBy(() =>
        {
            foreach (var frame in frames)
            {
                _decoder.Decode(frame, handler);
            }
        });

        Assert.Equal(4 * AllocationProbe.Runs, handler.Records);
        Assert.Equal(0, allocated);
    }

    private DecodedFrame Decode(string frame) => _decoder.Decode(Encoding.UTF8.GetBytes(frame), _handler);

    private sealed class CountingBinanceHandler : IBinanceFrameHandler
    {
        public int Records { get; private set; }

        public void OnKline(int symbol, in KlineRow kline, bool closed) => Records++;

        public void OnTrade(int symbol, in PublicTrade trade) => Records++;

        public void OnMarkPrice(int symbol, DateTimeOffset time, double markPrice) => Records++;

        public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) => Records++;
    }
}
