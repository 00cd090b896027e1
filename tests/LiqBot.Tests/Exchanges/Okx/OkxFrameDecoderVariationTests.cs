using System.Text;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Okx;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Exchanges.Okx;

/// <summary>What a reader over the raw bytes could get wrong that a parsed document would not: order, escapes, number forms, strays, several entries a frame, and broken frames.</summary>
public sealed class OkxFrameDecoderVariationTests
{
    private readonly OkxFrameDecoder _decoder = new(["BTCUSDT", "ETHUSDT"], [0.01, 0.1]);
    private readonly RecordingOkxHandler _handler = new();

    [Fact]
    public void DataBeforeArg_AndEntryFieldsInAnyOrder_ReadTheSame()
    {
        Decode("""{"data":[{"ts":"1646312440645","side":"buy","sz":"7","px":"43568.8","tradeId":"219066264","instId":"BTC-USDT-SWAP"}],"arg":{"instId":"BTC-USDT-SWAP","channel":"trades"}}""");
        Decode("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","tradeId":"219066264","px":"43568.8","sz":"7","side":"buy","ts":"1646312440645"}]}""");

        Assert.Equal(2, _handler.Trades.Count);
        Assert.Equal(_handler.Trades[1], _handler.Trades[0]);
        Assert.Equal((43568.8, 0.07, true), (_handler.Trades[0].Price, Math.Round(_handler.Trades[0].Quantity, 10), _handler.Trades[0].TakerIsBuyer));
    }

    [Fact]
    public void MultiEntryData_EveryTradeCandleAndLiquidationOfOursIsRead_InOrder()
    {
        Decode("""{"arg":{"channel":"trades","instId":"ETH-USDT-SWAP"},"data":[{"px":"3000","sz":"10","side":"sell","ts":"1"},{"px":"3001","sz":"20","side":"buy","ts":"2"},{"px":"3002","sz":"30","side":"sell","ts":"3"}]}""");
        Decode("""{"arg":{"channel":"candle1m","instId":"BTC-USDT-SWAP"},"data":[["1662716640000","1","3","0.5","2","100","1","2.5","1"],["1662716700000","2","4","1","3","100","1","3","0"]]}""");
        Decode("""
            {"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[
              {"details":[{"bkPx":"0.007831","side":"buy","sz":"13","ts":"1692266434010"}],"instId":"IOST-USDT-SWAP"},
              {"details":[{"bkPx":"60000","side":"sell","sz":"2","ts":"1692266434011"},{"bkPx":"61000","side":"buy","sz":"3","ts":"1692266434012"}],"instId":"BTC-USDT-SWAP","instType":"SWAP"},
              {"instId":"DOGE-USDT-SWAP","details":[{"bkPx":"","side":"?","sz":"not read","ts":"x"}]},
              {"instId":"ETH-USDT-SWAP","details":[{"bkPx":"3000","side":"sell","sz":"1","ts":"1692266434013"}]}]}
            """);

        Assert.Equal([(3000, 1d, false), (3001, 2d, true), (3002, 3d, false)], _handler.Trades.Select(t => (t.Price, Math.Round(t.Quantity, 10), t.TakerIsBuyer)));
        Assert.Equal([(1662716640000L, true, 2.5), (1662716700000L, false, 3d)], _handler.Candles.Select(c => (c.Candle.OpenTime.ToUnixTimeMilliseconds(), c.Confirmed, c.Candle.Turnover)));
        Assert.Equal(
            [(PositionSide.Long, 1200d), (PositionSide.Short, 1830d), (PositionSide.Long, 300d)],
            _handler.Liquidations.Select(l => (l.Side, Math.Round(l.NotionalUsd, 6))));
    }

    [Fact]
    public void EscapedStrings_AndNumbersAsJsonNumbers_AreRead()
    {
        Decode("""{"arg":{"ch\u0061nnel":"open-interest","instId":"BTC\u002DUSDT-SWAP"},"data":[{"oiUsd":1939251795.5,"ts":1743041250440}]}""");
        Decode("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"px":"4356\u0038.8","sz":7,"side":"b\u0075y","ts":"1646312440645"}]}""");

        Assert.Equal(1939251795.5, Assert.Single(_handler.OpenInterest));
        var trade = Assert.Single(_handler.Trades);
        Assert.Equal((43568.8, true), (trade.Price, trade.TakerIsBuyer));
    }

    [Fact]
    public void UnknownChannelsInstrumentsAndFields_AreUnknownOrSkipped()
    {
        Assert.Equal(FrameKind.Unknown, Decode("""{"arg":{"channel":"tickers","instId":"BTC-USDT-SWAP"},"data":[{"last":"1"}]}""").Kind);
        Assert.Equal(FrameKind.Unknown, Decode("""{"arg":{"channel":"trades","instId":"SOL-USDT-SWAP"},"data":[{"px":"1","sz":"1","side":"buy","ts":"1"}]}""").Kind);
        Assert.Equal(FrameKind.Unknown, Decode("""{"arg":{"channel":"trades"},"data":[{"px":"1","sz":"1","side":"buy","ts":"1"}]}""").Kind);
        Assert.Equal(FrameKind.Unknown, Decode("""{"event":"unsubscribe","arg":{"channel":"trades"}}""").Kind);
        Assert.Equal(FrameKind.Data, Decode("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP","extra":{"a":[1,2]}},"seq":[{"x":1}],"data":[{"count":"3","source":"0","seqId":1234,"px":"1","sz":"1","side":"buy","ts":"1","more":{"px":"x"}}]}""").Kind);
        Assert.Single(_handler.Trades);
    }

    [Theory]
    [InlineData("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"px":"1","sz":"1","side":"buy","ts":"1"},{"px":"x","sz":"1","side":"buy","ts":"2"}]}""")]
    [InlineData("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"px":"1","sz":"1","side":"buy","ts":"1"},{"px":"1","sz":"1","side":"buy"}]}""")]
    [InlineData("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"px":"1","sz":"1","side":"buy","ts":"1"},{"px":"1","sz":"1","side":"buy","ts":"2"}""")]
    [InlineData("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"px":"1","sz":"1","side":"buy","ts":"1"}]} {}""")]
    [InlineData("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":{"px":"1","sz":"1","side":"buy","ts":"1"}}""")]
    [InlineData("""{"arg":{"channel":"candle1m","instId":"BTC-USDT-SWAP"},"data":[["1662716640000","1","3","0.5","2","100","1","2.5","1"],["1662716700000","2","4","1"]]}""")]
    [InlineData("""{"arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},"data":[{"oiUsd":"","ts":"1"}]}""")]
    [InlineData("""{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"instId":"BTC-USDT-SWAP","details":[{"bkPx":"1","side":"buy","sz":"1","ts":"1"}]},{"details":[]}]}""")]
    [InlineData("""{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"instId":"BTC-USDT-SWAP","details":[{"bkPx":"1","side":"buy","sz":"1","ts":"1"},{"bkPx":"1","sz":"1","ts":"1"}]}]}""")]
    [InlineData("""pong!""")]
    public void BrokenFrames_AreMalformed_AndApplyNothing_EvenTheGoodEntriesBeforeTheBreak(string frame)
    {
        Assert.Equal(FrameKind.Malformed, Decode(frame).Kind);
        Assert.Empty(_handler.Trades);
        Assert.Empty(_handler.Candles);
        Assert.Empty(_handler.OpenInterest);
        Assert.Empty(_handler.Liquidations);
    }

    [Fact]
    public void PushFrames_AllocateNothing()
    {
        byte[][] frames =
        [
            Encoding.UTF8.GetBytes("""{"arg":{"channel":"candle1m","instId":"BTC-USDT-SWAP"},"data":[["1597026383085","8533.02","8553.74","8527.17","8548.26","45247","529.5858061","5529.5858061","0"]]}"""),
            Encoding.UTF8.GetBytes("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","tradeId":"219066264","px":"43568.8","sz":"7","side":"buy","ts":"1646312440645"},{"instId":"BTC-USDT-SWAP","tradeId":"219066265","px":"43568.9","sz":"2","side":"sell","ts":"1646312440646"}]}"""),
            Encoding.UTF8.GetBytes("""{"arg": {"channel": "open-interest", "instId": "BTC-USDT-SWAP"}, "data": [{"instId": "BTC-USDT-SWAP", "instType": "SWAP", "oi": "2216113.01000000309", "oiCcy": "22161.1301000000309", "oiUsd": "1939251795.54769270396321", "ts": "1743041250440"}]}"""),
            Encoding.UTF8.GetBytes("""{"arg": {"channel": "liquidation-orders", "instType": "SWAP"}, "data": [{"details": [{"bkLoss": "0", "bkPx": "60000", "ccy": "", "posSide": "short", "side": "buy", "sz": "13", "ts": "1692266434010"}], "instFamily": "BTC-USDT", "instId": "BTC-USDT-SWAP", "instType": "SWAP", "uly": "BTC-USDT"}]}"""),
        ];
        var handler = new RecordingOkxHandler();
        foreach (var frame in frames)
        {
            _decoder.Decode(frame, handler);
        }

        var counted = new CountingOkxHandler();
        var allocated = AllocationProbe.BytesAllocatedBy(() =>
        {
            foreach (var frame in frames)
            {
                _decoder.Decode(frame, counted);
            }
        });

        Assert.Equal((1, 2, 1, 1), (handler.Candles.Count, handler.Trades.Count, handler.OpenInterest.Count, handler.Liquidations.Count));
        Assert.Equal(5 * AllocationProbe.Runs, counted.Records);
        Assert.Equal(0, allocated);
    }

    private DecodedFrame Decode(string frame) => _decoder.Decode(Encoding.UTF8.GetBytes(frame), _handler);

    private sealed class CountingOkxHandler : IOkxFrameHandler
    {
        public int Records { get; private set; }

        public void OnCandle(int symbol, in KlineRow candle, bool confirmed) => Records++;

        public void OnTrade(int symbol, in PublicTrade trade) => Records++;

        public void OnOpenInterest(int symbol, DateTimeOffset time, double openInterestUsd) => Records++;

        public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) => Records++;
    }
}
