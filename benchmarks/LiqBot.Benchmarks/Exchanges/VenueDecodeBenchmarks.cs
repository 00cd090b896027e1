using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LiqBot.Exchanges.Binance;
using LiqBot.Exchanges.Okx;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// Decoding and applying Binance aggTrade frames (one trade a frame, as Binance sends them) and OKX
/// trades frames (a few trades a frame) into their feed processors. Each operation is one record.
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*VenueDecode*' --inProcess
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class VenueDecodeBenchmarks
{
    private const int Frames = 6_000;
    private const int OkxTradesPerFrame = 4;
    private readonly BinanceFrameDecoder _binance = new(["BTCUSDT"]);
    private readonly OkxFrameDecoder _okx = new(["BTCUSDT"], [0.01]);
    private byte[][] _binanceTrades = [];
    private byte[][] _okxTrades = [];
    private BinanceFeedProcessor _binanceProcessor = null!;
    private OkxFeedProcessor _okxProcessor = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        const long start = 1_780_000_000_000;
        _binanceTrades = Enumerable.Range(0, Frames).Select(i => Encoding.UTF8.GetBytes(
            $$"""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":{{start + (i * 10)}},"s":"BTCUSDT","a":{{i}},"p":"{{Price(i)}}","q":"0.{{(i % 9) + 1}}01","f":100,"l":105,"T":{{start + (i * 10)}},"m":{{(i % 2 == 0 ? "true" : "false")}}""" + "}}")).ToArray();
        _okxTrades = Enumerable.Range(0, Frames).Select(f => Encoding.UTF8.GetBytes(
            $$"""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{{string.Join(",", Enumerable.Range(0, OkxTradesPerFrame).Select(i =>
                $$"""{"instId":"BTC-USDT-SWAP","tradeId":"{{(f * OkxTradesPerFrame) + i}}","px":"{{Price(i)}}","sz":"{{(i % 9) + 1}}","side":"{{(i % 2 == 0 ? "buy" : "sell")}}","ts":"{{start + (f * 40) + i}}","count":"1","source":"0","seqId":{{f}}}"""))}}]}""")).ToArray();
        _sink = new CountingSink();
        _binanceProcessor = new BinanceFeedProcessor(_sink, 1);
        _okxProcessor = new OkxFeedProcessor(_sink, 1);
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public double BinanceTradeRecords()
    {
        foreach (var frame in _binanceTrades)
        {
            _binance.Decode(frame, _binanceProcessor);
        }

        return _sink.Checksum;
    }

    [Benchmark(OperationsPerInvoke = Frames * OkxTradesPerFrame)]
    public double OkxTradeRecords()
    {
        foreach (var frame in _okxTrades)
        {
            _okx.Decode(frame, _okxProcessor);
        }

        return _sink.Checksum;
    }

    private static string Price(int i) => (60_000 + ((i % 50) * 0.1)).ToString("0.0", CultureInfo.InvariantCulture);
}
