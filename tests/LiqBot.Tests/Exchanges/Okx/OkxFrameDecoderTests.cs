using System.Text;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Okx;

namespace LiqBot.Tests.Exchanges.Okx;

/// <summary>The payloads of the OKX docs and real captures (protocols-binance-okx.md 2.3-2.6, protocols.md 2.2).</summary>
public sealed class OkxFrameDecoderTests
{
    private readonly OkxFrameDecoder _decoder = new(["BTCUSDT", "IOSTUSDT"], [0.01, 10]);
    private readonly RecordingOkxHandler _handler = new();

    [Fact]
    public void Candle_RealSevenColumnCapture_IsConfirmedWithBaseVolume_AndNineColumnsReadConfirm()
    {
        Decode("""{"arg":{"channel":"candle1m","instId":"BTC-USDT-SWAP"},"data":[["1662716640000","20702.4","20710","20702.3","20703.8","4070","40.7"]]}""");
        Decode("""{"arg":{"channel":"candle1m","instId":"BTC-USDT-SWAP"},"data":[["1597026383085","8533.02","8553.74","8527.17","8548.26","45247","529.5858061","5529.5858061","0"]]}""");

        var (candle, confirmed) = _handler.Candles[0];
        Assert.True(confirmed);
        Assert.Equal((20702.4, 20710d, 20702.3, 20703.8, 40.7), (candle.Open, candle.High, candle.Low, candle.Close, candle.Volume));
        Assert.False(_handler.Candles[1].Confirmed);
        Assert.Equal(5529.5858061, _handler.Candles[1].Candle.Turnover);
    }

    [Fact]
    public void Trade_RealSwapCapture_SizeInContractsTimesCtVal_SideIsTheTaker()
    {
        Decode("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","tradeId":"219066264","px":"43568.8","sz":"7","side":"buy","ts":"1646312440645"}]}""");

        var trade = Assert.Single(_handler.Trades);
        Assert.Equal((43568.8, 0.07, true), (trade.Price, Math.Round(trade.Quantity, 10), trade.TakerIsBuyer));
    }

    [Fact]
    public void OpenInterest_DocsPayload_GivesOiUsd()
    {
        Decode("""{"arg": {"channel": "open-interest", "instId": "BTC-USDT-SWAP"}, "data": [{"instId": "BTC-USDT-SWAP", "instType": "SWAP", "oi": "2216113.01000000309", "oiCcy": "22161.1301000000309", "oiUsd": "1939251795.54769270396321", "ts": "1743041250440"}]}""");

        Assert.Equal(1939251795.54769270396321, Assert.Single(_handler.OpenInterest));
    }

    [Fact]
    public void Liquidation_DocsPayload_BuyClosesAShort_NotionalIsContractsTimesCtValTimesBankruptcyPrice()
    {
        Decode("""{"id": "1512", "arg": {"channel": "liquidation-orders", "instType": "SWAP"}, "data": [{"details": [{"bkLoss": "0", "bkPx": "0.007831", "ccy": "", "posSide": "short", "side": "buy", "sz": "13", "ts": "1692266434010"}], "instFamily": "IOST-USDT", "instId": "IOST-USDT-SWAP", "instType": "SWAP", "uly": "IOST-USDT"}]}""");
        Decode("""{"arg": {"channel": "liquidation-orders", "instType": "SWAP"}, "data": [{"details": [{"bkPx": "3000", "side": "sell", "sz": "1", "ts": "1692266434010"}], "instId": "ETH-USDT-SWAP", "instType": "SWAP"}]}""");

        var liquidation = Assert.Single(_handler.Liquidations);
        Assert.Equal(PositionSide.Short, liquidation.Side);
        Assert.Equal(13 * 10 * 0.007831, liquidation.NotionalUsd, 9);
    }

    [Fact]
    public void ControlFrames_PongAckErrorAndNotice()
    {
        Assert.Equal(FrameKind.Pong, Decode("pong").Kind);
        Assert.Equal(FrameKind.SubscribeAck, Decode("""{"id": "1512", "event": "subscribe", "arg": {"channel": "tickers", "instId": "BTC-USDT"}, "connId": "accb8e21"}""").Kind);
        var error = Decode("""{"id": "1512", "event": "error", "code": "60012", "msg": "Invalid request", "connId": "a4d3ae55"}""");
        Assert.Equal((FrameKind.SubscribeRejected, "60012 Invalid request"), (error.Kind, error.Message));
        Assert.Equal(FrameKind.Closing, Decode("""{"event": "notice", "code": "64008", "msg": "The connection will soon be closed for a service upgrade. Please reconnect.", "connId": "a4d3ae55"}""").Kind);
        Assert.Equal(FrameKind.Malformed, Decode("pon").Kind);
    }

    private DecodedFrame Decode(string frame) => _decoder.Decode(Encoding.UTF8.GetBytes(frame), _handler);
}
