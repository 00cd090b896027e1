using System.Runtime.CompilerServices;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Replays one venue's events of a version 2 recording as the live bot received them, paced by receive time
/// since the recording started divided by the speed factor (no pacing when speed is null), so the venues of
/// one recording keep step with each other.
/// </summary>
internal sealed class RecordedVenueReplaySource(string path, Venue venue, long startedMs, double? speed, TimeProvider time) : ReplaySource(time)
{
    public override async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pace = new ReplayPace(speed, Time);
        await foreach (var recorded in RecordingFile.ReadEventsAsync(path, cancellationToken))
        {
            if (recorded.Venue != venue)
            {
                continue;
            }

            await pace.WaitUntilAsync(TimeSpan.FromMilliseconds(recorded.ReceivedMs - startedMs), cancellationToken);

            LiveAt(DateTimeOffset.FromUnixTimeMilliseconds(recorded.ReceivedMs));
            yield return recorded.Event;
        }

        Ended("end of recording");
    }
}
