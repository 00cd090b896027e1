using System.Runtime.CompilerServices;
using System.Text;
using LiqBot.Engine.Market;
using LiqBot.Exchanges.Bybit;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Replays a recording as market events with the live decoder and processor, pacing frames by their
/// receive times divided by the speed factor (no pacing when speed is null).
/// </summary>
internal sealed class RecordingReplaySource(string path, double? speed, TimeProvider time) : ReplaySource(time)
{
    private readonly FeedCounters _counters = new();

    public override FeedCounters? Counters => _counters;

    public override async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoder = new BybitFrameDecoder([], learnSymbols: true);
        var sink = new ListEventSink(decoder.Symbols, new BybitOptions().ReorderWindow);
        var processor = new BybitFeedProcessor(sink);
        long? firstMs = null;
        var pace = new ReplayPace(speed, Time);
        await foreach (var frame in RecordingFile.ReadFramesAsync(path, cancellationToken))
        {
            firstMs ??= frame.ReceivedMs;
            await pace.WaitUntilAsync(TimeSpan.FromMilliseconds(frame.ReceivedMs - firstMs.Value), cancellationToken);
            LiveAt(DateTimeOffset.FromUnixTimeMilliseconds(frame.ReceivedMs));

            _counters.Frame();
            var info = decoder.Decode(Encoding.UTF8.GetBytes(frame.Frame), processor);
            if (info.Kind == BybitFrameKind.Malformed)
            {
                _counters.MalformedFrame();
            }
            else if (info.Kind == BybitFrameKind.Unknown)
            {
                _counters.UnknownFrame();
            }

            foreach (var e in sink.Output)
            {
                yield return e;
            }

            sink.Output.Clear();
        }

        sink.Flush();
        foreach (var e in sink.Output)
        {
            yield return e;
        }

        Ended("end of recording");
    }
}
