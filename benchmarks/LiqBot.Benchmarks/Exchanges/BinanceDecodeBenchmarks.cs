using System.Globalization;
using BenchmarkDotNet.Attributes;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// Decoding and applying Binance combined-stream frames (the payloads of protocols-binance-okx.md 1.3-1.5
/// and protocols.md 2.1, one record a frame as Binance sends them) into the feed processor, per stream
/// at its live pace. Each operation is one record. Binance has no open-interest stream (it is polled).
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*BinanceDecode*' --inProcess
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class BinanceDecodeBenchmarks
{
    private const int Frames = 60_000;
    private const long Start = 1_779_999_960_000;
    private const long Minute = 60_000;
    private readonly BinanceFrameDecoder _decoder = new(["BTCUSDT", "ETHUSDT"]);
    private ShiftingFrames _trades = null!;
    private ShiftingFrames _klines = null!;
    private ShiftingFrames _marks = null!;
    private ShiftingFrames _liquidations = null!;
    private CountingSink _sink = null!;
    private BinanceFeedProcessor _processor = null!;

    /// <summary>Records in one replay of any stream.</summary>
    public int Records => Frames;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new CountingSink();
        _processor = new BinanceFeedProcessor(_sink, 2);

        // aggTrade every 3 ms (about the busiest BTCUSDT gets), kline every 250 ms closing each minute, mark price and forceOrder each second.
        _trades = new ShiftingFrames(Frames, (t, i) =>
            $$$"""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":{{{t + (i * 3)}}},"s":"BTCUSDT","a":{{{5_933_014 + i}}},"p":"{{{Price(i)}}}","q":"0.{{{(i % 9) + 1}}}01","f":100,"l":105,"T":{{{t + (i * 3)}}},"m":{{{(i % 2 == 0 ? "true" : "false")}}}}}""", Minutes(Frames * 3L), Start);
        _klines = new ShiftingFrames(Frames, (t, i) =>
        {
            var open = t + (i / 240 * Minute);
            return $$$"""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":{{{t + (i * 250)}}},"s":"BTCUSDT","k":{"t":{{{open}}},"T":{{{open + Minute - 1}}},"s":"BTCUSDT","i":"1m","f":100,"L":200,"o":"{{{Price(0)}}}","c":"{{{Price(i)}}}","h":"60010.0","l":"59990.0","v":"1000.123","n":100,"x":{{{(i % 240 == 239 ? "true" : "false")}}},"q":"60012345.6789","V":"500.456","Q":"30006172.8394","B":"123456""" + "\"}}}";
        }, Minutes(Frames * 250L), Start);
        _marks = new ShiftingFrames(Frames, (t, i) =>
            $$$"""{"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":{{{t + (i * 1_000L)}}},"s":"BTCUSDT","p":"{{{Price(i)}}}5000000","i":"{{{Price(i + 1)}}}2659091","P":"{{{Price(i + 2)}}}5641265","r":"0.00038167","T":{{{t + 28_800_000}}}}}""", Minutes(Frames * 1_000L), Start);
        _liquidations = new ShiftingFrames(Frames, (t, i) =>
            $$$"""{"stream":"btcusdt@forceOrder","data":{"e":"forceOrder","E":{{{t + (i * 1_000L)}}},"o":{"s":"BTCUSDT","S":"{{{(i % 3 == 0 ? "BUY" : "SELL")}}}","o":"LIMIT","f":"IOC","q":"0.014","p":"{{{Price(i)}}}","ap":"{{{Price(i + 1)}}}","X":"FILLED","l":"0.014","z":"0.014","T":{{{t + (i * 1_000L)}}}""" + "}}}", Minutes(Frames * 1_000L), Start);

        var probe = new BinanceFeedProcessor(new CountingSink(), 2);
        foreach (var set in new[] { _trades, _klines, _marks, _liquidations })
        {
            foreach (var frame in set.Frames)
            {
                if (_decoder.Decode(frame, probe).Kind != FrameKind.Data)
                {
                    throw new InvalidOperationException($"Not a data frame: {System.Text.Encoding.UTF8.GetString(frame)}");
                }
            }
        }
    }

    [IterationSetup(Target = nameof(AggTradeRecords))]
    public void NextTrades() => _trades.Advance();

    [IterationSetup(Target = nameof(KlineRecords))]
    public void NextKlines()
    {
        _klines.Advance();
        _processor.Closed.Clear(); // the session hands closed minutes on after every frame
    }

    [IterationSetup(Target = nameof(MarkPriceRecords))]
    public void NextMarks() => _marks.Advance();

    [IterationSetup(Target = nameof(ForceOrderRecords))]
    public void NextLiquidations()
    {
        _processor.TakeLiquidations(0, DateTimeOffset.FromUnixTimeMilliseconds(_liquidations.BaseMs + Minutes(Frames * 1_000L))); // the bars take them live
        _liquidations.Advance();
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public double AggTradeRecords() => Replay(_trades);

    [Benchmark(OperationsPerInvoke = Frames)]
    public double KlineRecords() => Replay(_klines);

    [Benchmark(OperationsPerInvoke = Frames)]
    public double MarkPriceRecords() => Replay(_marks);

    [Benchmark(OperationsPerInvoke = Frames)]
    public double ForceOrderRecords() => Replay(_liquidations);

    internal static string Price(int i) => (60_000 + ((i % 50) * 0.1)).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A span in whole minutes covering <paramref name="ms"/>.</summary>
    internal static long Minutes(long ms) => ((ms / Minute) + 1) * Minute;

    private double Replay(ShiftingFrames frames)
    {
        foreach (var frame in frames.Frames)
        {
            _decoder.Decode(frame, _processor);
        }

        return _sink.Checksum;
    }
}
