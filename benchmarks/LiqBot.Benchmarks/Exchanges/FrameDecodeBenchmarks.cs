using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LiqBot.Exchanges.Bybit;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// Decoding and applying Bybit trade and liquidation frames (Utf8JsonReader into the bar aggregator).
/// Each operation is one record; frames carry <see cref="RecordsPerFrame"/> records as Bybit batches them.
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*FrameDecode*' --inProcess
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class FrameDecodeBenchmarks
{
    private const int RecordsPerFrame = 100;
    private const int Frames = 60;

    /// <summary>Records in one replay.</summary>
    internal const int Records = RecordsPerFrame * Frames;
    private readonly BybitFrameDecoder _decoder = new(["BTCUSDT"]);
    private byte[][] _trades = [];
    private byte[][] _liquidations = [];
    private CountingSink _sink = null!;
    private BybitFeedProcessor _processor = null!;

    [GlobalSetup]
    public void Setup()
    {
        // One frame per second over a minute, so the aggregator also closes bars as it would live.
        const long start = 1_780_000_000_000;
        _trades = Enumerable.Range(0, Frames).Select(f => Frame("publicTrade", start + (f * 1_000), i =>
            $$"""{"T":{{start + (f * 1_000) + i}},"s":"BTCUSDT","S":"{{(i % 2 == 0 ? "Buy" : "Sell")}}","v":"0.{{(i % 9) + 1}}01","p":"{{(60_000 + (i % 50) * 0.1).ToString("0.00", CultureInfo.InvariantCulture)}}","L":"PlusTick","i":"20f43950-d8dd-5b31-9112-a178eb6023af","BT":false,"seq":1783284617}""")).ToArray();
        _liquidations = Enumerable.Range(0, Frames).Select(f => Frame("allLiquidation", start + (f * 1_000), i =>
            $$"""{"T":{{start + (f * 1_000) + i}},"s":"BTCUSDT","S":"{{(i % 3 == 0 ? "Sell" : "Buy")}}","v":"0.{{(i % 9) + 1}}","p":"{{(59_000 + i).ToString(CultureInfo.InvariantCulture)}}.5"}""")).ToArray();
        _sink = new CountingSink();
        _processor = new BybitFeedProcessor(_sink);
        var ticker = Encoding.UTF8.GetBytes($$"""{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","lastPrice":"60000","openInterestValue":"1000000"},"cs":1,"ts":{{start}}}""");
        _decoder.Decode(ticker, _processor);
    }

    [Benchmark(OperationsPerInvoke = RecordsPerFrame * Frames)]
    public long TradeRecords()
    {
        foreach (var frame in _trades)
        {
            _decoder.Decode(frame, _processor);
        }

        return _sink.Bars;
    }

    [Benchmark(OperationsPerInvoke = RecordsPerFrame * Frames)]
    public long LiquidationRecords()
    {
        foreach (var frame in _liquidations)
        {
            _decoder.Decode(frame, _processor);
        }

        return _sink.Liquidations;
    }

    private static byte[] Frame(string topic, long ts, Func<int, string> record) =>
        Encoding.UTF8.GetBytes($$"""{"topic":"{{topic}}.BTCUSDT","type":"snapshot","ts":{{ts}},"data":[{{string.Join(",", Enumerable.Range(0, RecordsPerFrame).Select(record))}}]}""");
}
