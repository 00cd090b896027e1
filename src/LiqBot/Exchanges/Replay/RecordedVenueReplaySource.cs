using System.Runtime.CompilerServices;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Replays one venue's events of a version 2 recording as the live bot received them, paced by receive time
/// since the recording started divided by the speed factor (no pacing when speed is null), so the venues of
/// one recording keep step with each other.
/// </summary>
internal sealed class RecordedVenueReplaySource(string path, Venue venue, long startedMs, double? speed, TimeProvider time) : IMarketSource
{
    private volatile FeedStatus _status = new(FeedState.Connecting, time.GetUtcNow(), "replay not started");

    public FeedStatus Status => _status;

    public FeedCounters? Counters => null;

    public bool IsFinite => true;

    public async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pace = new ReplayPace(speed, time);
        await foreach (var recorded in RecordingFile.ReadEventsAsync(path, cancellationToken))
        {
            if (recorded.Venue != venue)
            {
                continue;
            }

            await pace.WaitUntilAsync(TimeSpan.FromMilliseconds(recorded.ReceivedMs - startedMs), cancellationToken);

            _status = new FeedStatus(FeedState.Live, DateTimeOffset.FromUnixTimeMilliseconds(recorded.ReceivedMs));
            yield return recorded.Event;
        }

        _status = new FeedStatus(FeedState.Ended, _status.Since, "end of recording");
    }
}
