using System.Text;
using LiqBot.Engine.Market;
using LiqBot.Exchanges.Bybit;
using LiqBot.Fakes.Bybit;

namespace LiqBot.Tests.Exchanges.Bybit;

public sealed class BybitFrameDecoderTests
{
    private readonly BybitFrameDecoder _decoder = new(["BTCUSDT", "ETHUSDT"]);
    private readonly RecordingHandler _handler = new();

    private BybitFrameInfo Decode(string frame) => _decoder.Decode(Encoding.UTF8.GetBytes(frame), _handler);

    [Fact]
    public void Decode_TradeFrame_HandsOverTakerSideSizeAndPrice()
    {
        var info = Decode(FakeBybitFrames.Trade("ETHUSDT", 1672304486865, buy: true, 0.001, 16578.50));

        Assert.Equal(BybitFrameKind.Data, info.Kind);
        var (symbol, trade) = Assert.Single(_handler.Trades);
        Assert.Equal(1, symbol);
        Assert.Equal(new PublicTrade(DateTimeOffset.FromUnixTimeMilliseconds(1672304486865), 16578.50, 0.001, TakerIsBuyer: true), trade);
    }

    [Fact]
    public void Decode_AllLiquidationBuy_IsALongLiquidatedAtBankruptcyPrice()
    {
        const string docsExample = """{"topic": "allLiquidation.BTCUSDT", "type": "snapshot", "ts": 1739502303204, "data": [{"T": 1739502302929, "s": "BTCUSDT", "S": "Buy", "v": "20000", "p": "0.04499"}, {"T": 1739502302930, "s": "BTCUSDT", "S": "Sell", "v": "2", "p": "10"}]}""";

        Assert.Equal(BybitFrameKind.Data, Decode(docsExample).Kind);

        Assert.Equal(2, _handler.Liquidations.Count);
        Assert.Equal(PositionSide.Long, _handler.Liquidations[0].Liquidation.Side);
        Assert.Equal(20000 * 0.04499, _handler.Liquidations[0].Liquidation.NotionalUsd, 9);
        Assert.Equal(PositionSide.Short, _handler.Liquidations[1].Liquidation.Side);
    }

    [Fact]
    public void Decode_DataBeforeTopic_StillDecodes()
    {
        var info = Decode("""{"data":[{"T":1,"S":"Sell","v":"2","p":"3"}],"ts":5,"type":"snapshot","topic":"publicTrade.BTCUSDT"}""");

        Assert.Equal(BybitFrameKind.Data, info.Kind);
        Assert.False(Assert.Single(_handler.Trades).Trade.TakerIsBuyer);
    }

    [Fact]
    public void Decode_TickerSnapshotThenDelta_MergesFieldByField()
    {
        Decode(FakeBybitFrames.TickerSnapshot("BTCUSDT", 1000, 66666.6, 492373.72, 32824881841.75));
        Decode(FakeBybitFrames.TickerDelta("BTCUSDT", 2000, ("bid1Price", "79114.50"), ("lastPrice", "66700.1")));
        Decode(FakeBybitFrames.TickerDelta("BTCUSDT", 3000, ("fundingRate", "")));

        var state = _handler.Ticker.ToState();
        Assert.Equal(66700.1, state.LastPrice);
        Assert.Equal(66666.6, state.MarkPrice);
        Assert.Equal(32824881841.75, state.OpenInterestUsd);
        Assert.Null(state.FundingRate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(3000), state.Time);
    }

    [Fact]
    public void Decode_NewSnapshot_ReplacesState()
    {
        Decode(FakeBybitFrames.TickerSnapshot("BTCUSDT", 1000, 100, 10, 1000));
        Decode("""{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","lastPrice":"101"},"cs":1,"ts":2000}""");

        Assert.Equal(101, _handler.Ticker[TickerField.LastPrice]);
        Assert.Null(_handler.Ticker[TickerField.OpenInterestValue]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":1,\"S\":\"Buy\",\"v\":\"x1\",\"p\":\"2\"}],\"ts\":1}")]
    [InlineData("{\"topic\":\"publicTrade.BTCUSDT\",\"data\":{}}")]
    [InlineData("{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":1,")]
    [InlineData("[1,2,3]")]
    public void Decode_Malformed_IsReportedAndNotThrown(string frame)
    {
        Assert.Equal(BybitFrameKind.Malformed, Decode(frame).Kind);
    }

    [Theory]
    [InlineData("{\"topic\":\"orderbook.1.BTCUSDT\",\"type\":\"snapshot\",\"data\":{}}")]
    [InlineData("{\"topic\":\"publicTrade.XRPUSDT\",\"type\":\"snapshot\",\"data\":[]}")]
    [InlineData("{\"hello\":1}")]
    public void Decode_UnknownTopicOrSymbol_IsUnknown(string frame)
    {
        Assert.Equal(BybitFrameKind.Unknown, Decode(frame).Kind);
        Assert.Empty(_handler.Trades);
    }

    [Fact]
    public void Decode_ControlFrames_AcksAndPongsAreRecognised()
    {
        var ack = Decode("""{"success": true, "ret_msg": "", "conn_id": "3cd8", "req_id": "sub-1", "op": "subscribe"}""");
        var failed = Decode("""{"success": false, "ret_msg": "error:handler not found,topic:dcp.future", "conn_id": "d9j", "req_id": "x", "op": "subscribe"}""");
        var pong = Decode("""{"success": true, "ret_msg": "pong", "conn_id": "4657", "req_id": "", "op": "ping"}""");
        var optionPong = Decode("""{"args":["1672916271846"],"op":"pong"}""");

        Assert.Equal((BybitFrameKind.SubscribeAck, true, "sub-1"), (ack.Kind, ack.Success, ack.RequestId));
        Assert.Equal((BybitFrameKind.SubscribeAck, false), (failed.Kind, failed.Success));
        Assert.Contains("handler not found", failed.Message, StringComparison.Ordinal);
        Assert.Equal(BybitFrameKind.Pong, pong.Kind);
        Assert.Equal(BybitFrameKind.Pong, optionPong.Kind);
    }
}
