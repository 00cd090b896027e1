using System.Text;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;

namespace LiqBot.Tests.Exchanges.Binance;

/// <summary>
/// The kline fast path must decode exactly as the general Utf8JsonReader path: the same record, or give the
/// frame up to it. Checked on the variants a reader over raw bytes could get wrong, on every prefix of a
/// real frame and on seeded byte mutations of it.
/// </summary>
public sealed class BinanceKlineFastPathTests
{
    private const string Kline = """{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1638747660000,"s":"BTCUSDT","k":{"t":1638747660000,"T":1638747719999,"s":"BTCUSDT","i":"1m","f":100,"L":200,"o":"60000.0","c":"60001.3","h":"60010.0","l":"59990.0","v":"1000.123","n":100,"x":false,"q":"60012345.6789","V":"500.456","Q":"30006172.8394","B":"123456"}}}""";

    [Fact]
    public void TheFramesBinanceSends_TakeTheFastPath()
    {
        var record = default(BinanceRecord);
        Assert.True(BinanceKlineFastPath.Likely(Encoding.UTF8.GetBytes(Kline)));
        Assert.False(BinanceKlineFastPath.Likely("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade"}}"""u8));
        Assert.True(BinanceKlineFastPath.TryRead(Encoding.UTF8.GetBytes(Kline), new Utf8Symbols(["BTCUSDT"]), ref record, out var ours));
        Assert.True(ours);
        Assert.Equal((BinanceEventKind.Kline, 0, 60001.3, 30006172.8394, false), (record.Kind, record.Symbol, record.Kline.Close, record.Kline.TakerBuyTurnover!.Value, record.Flag));
        Assert.Equal(1638747660000, record.Kline.OpenTime.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData(Kline)]
    [InlineData("""{"data":{"k":{"Q":"0.5","x":true,"q":"1.0","v":"1000","l":"0.0015","h":"0.0025","c":"0.0020","o":"0.0010","t":1638747660000},"s":"BTCUSDT","e":"kline"},"stream":"btcusdt@kline_1m"}""")]
    [InlineData(" \n{ \"stream\" : \"x\" ,\r\n\"data\":{\t\"e\":\"kline\",\"s\":\"ethusdt\",\"k\":{\"t\":1,\"o\":\"1\",\"h\":\"2\",\"l\":\"0.5\",\"c\":\"1.5\",\"v\":\"3\",\"q\":\"4\",\"Q\":\"2\",\"x\":true} } } \n")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":60000.5,"h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":"1","o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTC\u0055SDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"\u0065":"kline","s":"BTCUSDT","k":{"t":1,"\u006F":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"XRPUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"s":"XRPUSDT","t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"XRPUSDT","k":{"s":"BTCUSDT","t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2"}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":"true"}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":null,"h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"6e4","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","E":0123,"s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":-1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1.5,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1e3,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}} trailing""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}},"data":{}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"s":"ETHUSDT","t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true},"k":{"t":2,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":false}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","e":"aggTrade","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"aggTrade","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT"}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","note":"ü","list":[1,{"a":2}],"nested":{"x":false},"s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true,"extra":[]}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true,}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":tru}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1 ,"o":"1" ,"h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true,"n":-0.5E+3,"f":-0}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true,"n":01}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true,"n":1.}}}""")]
    [InlineData("""{"stream":"x","data":{"e":"kline","s":"BTCUSDT","k":{"t":1,"o":"1","h":"2","l":"0.5","c":"1.5","v":"3","q":"4","Q":"2","x":true,"n":-}}}""")]
    [InlineData("""{"result":null,"id":1}""")]
    [InlineData("""{"error":{"code":2,"msg":"Invalid request"},"id":1}""")]
    [InlineData("")]
    public void AnyVariant_DecodesAsTheGeneralPath(string frame) => AssertSameAsGeneralPath(Encoding.UTF8.GetBytes(frame));

    [Fact]
    public void EveryPrefixOfARealFrame_DecodesAsTheGeneralPath()
    {
        var frame = Encoding.UTF8.GetBytes(Kline);
        for (var length = 0; length <= frame.Length; length++)
        {
            AssertSameAsGeneralPath(frame[..length]);
        }
    }

    [Fact]
    public void SeededByteMutations_DecodeAsTheGeneralPath()
    {
        var frame = Encoding.UTF8.GetBytes(Kline);
        var random = new Random(12);
        byte[] alphabet = "{}[]:,\"\\ 0123456789.-+eEtrufalsnxkKq\u00e9\t\n"u8.ToArray();
        for (var i = 0; i < 5_000; i++)
        {
            var mutated = (byte[])frame.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                mutated[random.Next(mutated.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            AssertSameAsGeneralPath(mutated);
        }
    }

    private static void AssertSameAsGeneralPath(byte[] frame)
    {
        var fast = new RecordingBinanceHandler();
        var general = new RecordingBinanceHandler();
        var fastKind = new BinanceFrameDecoder(["BTCUSDT", "ETHUSDT"]).Decode(frame, fast);
        var generalKind = new BinanceFrameDecoder(["BTCUSDT", "ETHUSDT"], klineFastPath: false).Decode(frame, general);

        Assert.True(generalKind == fastKind, $"{Encoding.UTF8.GetString(frame)}: {generalKind} read the general way, {fastKind} fast");
        Assert.Equal(general.Klines, fast.Klines);
        Assert.Equal(general.Trades, fast.Trades);
    }
}
