using BenchmarkDotNet.Attributes;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Okx;
using static LiqBot.Benchmarks.Exchanges.BinanceDecodeBenchmarks;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// Decoding and applying OKX push frames (the payloads of protocols-binance-okx.md 2.4-2.6 and
/// protocols.md 2.2, one entry a frame as the captures show) into the feed processor, per channel at its
/// live pace. Each operation is one record; contract sizes become base coin with ctVal 0.01.
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*OkxDecode*' --inProcess
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class OkxDecodeBenchmarks
{
    private const int Frames = 60_000;
    private const long Start = 1_779_999_960_000;
    private const long Minute = 60_000;
    private readonly OkxFrameDecoder _decoder = new(["BTCUSDT", "ETHUSDT"], [0.01, 0.1]);
    private ShiftingFrames _trades = null!;
    private ShiftingFrames _candles = null!;
    private ShiftingFrames _openInterest = null!;
    private ShiftingFrames _liquidations = null!;
    private CountingSink _sink = null!;
    private OkxFeedProcessor _processor = null!;

    /// <summary>Records in one replay of any stream.</summary>
    public int Records => Frames;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new CountingSink();
        _processor = new OkxFeedProcessor(_sink, 2);

        // trades every 3 ms, candle1m each second confirming each minute, open-interest every 3 s, a liquidation each second.
        _trades = new ShiftingFrames(Frames, (t, i) =>
            $$"""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","tradeId":"{{219_066_264 + i}}","px":"{{Price(i)}}","sz":"{{(i % 9) + 1}}","side":"{{(i % 2 == 0 ? "buy" : "sell")}}","ts":"{{t + (i * 3)}}","count":"1","source":"0","seqId":{{1234 + i}}}]}""", Minutes(Frames * 3L), Start);
        _candles = new ShiftingFrames(Frames, (t, i) =>
            $$"""{"arg":{"channel":"candle1m","instId":"BTC-USDT-SWAP"},"data":[["{{t + (i / 60 * Minute)}}","{{Price(0)}}","60010.5","59990.2","{{Price(i)}}","4070","40.7","2442036.3","{{(i % 60 == 59 ? "1" : "0")}}"]]}""", Minutes(Frames * 1_000L), Start);
        _openInterest = new ShiftingFrames(Frames, (t, i) =>
            $$"""{"arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","oi":"2216113.01000000309","oiCcy":"22161.1301000000309","oiUsd":"19392517{{i % 10}}5.54769270396321","ts":"{{t + (i * 3_000L)}}"}]}""", Minutes(Frames * 3_000L), Start);
        _liquidations = new ShiftingFrames(Frames, (t, i) =>
            $$"""{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"{{Price(i)}}","ccy":"","posSide":"{{(i % 3 == 0 ? "short" : "long")}}","side":"{{(i % 3 == 0 ? "buy" : "sell")}}","sz":"{{(i % 13) + 1}}","ts":"{{t + (i * 1_000L)}}"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"}]}""", Minutes(Frames * 1_000L), Start);
        _processor.OnOpenInterest(0, DateTimeOffset.FromUnixTimeMilliseconds(Start), 1_939_251_795); // candles become bars once open interest is known

        var probe = new OkxFeedProcessor(new CountingSink(), 2);
        foreach (var set in new[] { _trades, _candles, _openInterest, _liquidations })
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

    [IterationSetup(Target = nameof(TradeRecords))]
    public void NextTrades()
    {
        CloseMinutes(_trades.BaseMs, Minutes(Frames * 3L));
        _trades.Advance();
    }

    [IterationSetup(Target = nameof(CandleRecords))]
    public void NextCandles() => _candles.Advance();

    [IterationSetup(Target = nameof(OpenInterestRecords))]
    public void NextOpenInterest() => _openInterest.Advance();

    [IterationSetup(Target = nameof(LiquidationRecords))]
    public void NextLiquidations()
    {
        CloseMinutes(_liquidations.BaseMs, Minutes(Frames * 1_000L));
        _liquidations.Advance();
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public double TradeRecords() => Replay(_trades);

    [Benchmark(OperationsPerInvoke = Frames)]
    public double CandleRecords() => Replay(_candles);

    [Benchmark(OperationsPerInvoke = Frames)]
    public double OpenInterestRecords() => Replay(_openInterest);

    [Benchmark(OperationsPerInvoke = Frames)]
    public double LiquidationRecords() => Replay(_liquidations);

    /// <summary>The confirmed candle of the last minute replayed, as live: its bar takes the minute sums of trades and liquidations.</summary>
    private void CloseMinutes(long baseMs, long spanMs)
    {
        var lastMinute = DateTimeOffset.FromUnixTimeMilliseconds(baseMs + spanMs - Minute);
        _processor.OnCandle(0, new KlineRow(lastMinute, 60_000, 60_010, 59_990, 60_005, 40.7, 2_442_036.3), confirmed: true);
    }

    private double Replay(ShiftingFrames frames)
    {
        foreach (var frame in frames.Frames)
        {
            _decoder.Decode(frame, _processor);
        }

        return _sink.Checksum;
    }
}
