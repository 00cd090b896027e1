using System.Text;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;

namespace LiqBot.Tests.Exchanges.Binance;

/// <summary>The payloads of the Binance docs and the Binance.Net fixtures (protocols-binance-okx.md 1.2-1.5, protocols.md 2.1).</summary>
public sealed class BinanceFrameDecoderTests
{
    private readonly BinanceFrameDecoder _decoder = new(["BTCUSDT", "ETHUSDT"]);
    private readonly RecordingBinanceHandler _handler = new();

    [Fact]
    public void Kline_DocsPayload_KeepsPricesVolumesTakerBuyAndTheClosedFlag()
    {
        var frame = """{"stream":"btcusdt@kline_1m","data":{"e": "kline", "E": 1638747660000, "s": "BTCUSDT", "k": {"t": 1638747660000, "T": 1638747719999, "s": "BTCUSDT", "i": "1m", "f": 100, "L": 200, "o": "0.0010", "c": "0.0020", "h": "0.0025", "l": "0.0015", "v": "1000", "n": 100, "x": false, "q": "1.0000", "V": "500", "Q": "0.500", "B": "123456"}}}""";

        Assert.Equal(FrameKind.Data, Decode(frame).Kind);

        var (symbol, k, closed) = Assert.Single(_handler.Klines);
        Assert.Equal(0, symbol);
        Assert.False(closed);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1638747660000), k.OpenTime);
        Assert.Equal((0.0010, 0.0025, 0.0015, 0.0020), (k.Open, k.High, k.Low, k.Close));
        Assert.Equal((1000d, 1d, 0.5), (k.Volume, k.Turnover, k.TakerBuyTurnover!.Value));
        var bar = k.ToBar(TimeSpan.FromMinutes(1), 1_000);
        Assert.Equal((0.001, 0.5, 0.5), (bar.Vwap!.Value, bar.TakerBuyUsd!.Value, bar.TakerSellUsd!.Value));
    }

    [Fact]
    public void AggTrade_BuyerIsMaker_MeansTheTakerSold()
    {
        Decode("""{"stream":"btcusdt@aggTrade","data":{"e": "aggTrade", "E": 123456789, "s": "BTCUSDT", "a": 5933014, "p": "0.001", "q": "100", "f": 100, "l": 105, "T": 123456785, "m": true}}""");

        var trade = Assert.Single(_handler.Trades);
        Assert.Equal((0.001, 100d, false), (trade.Price, trade.Quantity, trade.TakerIsBuyer));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(123456785), trade.Time);
    }

    [Fact]
    public void MarkPrice_DocsPayload_GivesTheMarkPrice()
    {
        Decode("""{"stream":"btcusdt@markPrice@1s","data":{"e": "markPriceUpdate", "E": 1562305380000, "s": "BTCUSDT", "p": "11794.15000000", "i": "11784.62659091", "P": "11784.25641265", "r": "0.00038167", "T": 1562306400000}}""");

        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1562305380000), 11794.15), Assert.Single(_handler.Marks));
    }

    [Fact]
    public void ForceOrder_FixturePayload_SellClosesALong_NotionalIsFilledTimesAveragePrice()
    {
        Decode("""{ "stream": "btcusdt@forceOrder", "data": { "e":"forceOrder", "E":1568014460893, "o":{ "s":"BTCUSDT", "S":"SELL", "o":"LIMIT", "f":"IOC", "q":"0.014", "p":"9910", "ap":"9910", "X":"FILLED", "l":"0.014", "z":"0.014", "T":1568014460893 } } }""");

        var liquidation = Assert.Single(_handler.Liquidations);
        Assert.Equal(PositionSide.Long, liquidation.Side);
        Assert.Equal(9910, liquidation.Price);
        Assert.Equal(0.014 * 9910, liquidation.NotionalUsd, 9);
    }

    [Fact]
    public void ControlFrames_AckAndNestedError()
    {
        Assert.Equal(FrameKind.SubscribeAck, Decode("""{"result": null, "id": 1}""").Kind);
        var error = Decode("""{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":1}""");
        Assert.Equal((FrameKind.SubscribeRejected, "Invalid request: invalid stream"), (error.Kind, error.Message));
    }

    [Fact]
    public void BrokenAndForeignFrames_AreMalformedOrUnknown()
    {
        Assert.Equal(FrameKind.Malformed, Decode("{\"stream\":").Kind);
        Assert.Equal(FrameKind.Malformed, Decode("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","p":"x","q":"1","T":1,"m":true}}""").Kind);
        Assert.Equal(FrameKind.Unknown, Decode("""{"stream":"solusdt@aggTrade","data":{"e":"aggTrade","s":"SOLUSDT","p":"1","q":"1","T":1,"m":true}}""").Kind);
        Assert.Equal(FrameKind.Unknown, Decode("""{"stream":"!contractInfo","data":{"e":"contractInfo","s":"BTCUSDT"}}""").Kind);
        Assert.Empty(_handler.Trades);
    }

    private DecodedFrame Decode(string frame) => _decoder.Decode(Encoding.UTF8.GetBytes(frame), _handler);
}
