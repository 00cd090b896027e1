namespace LiqBot.Exchanges.Replay;

/// <summary>
/// The pace of a replay: something that happened <c>t</c> after the data's start is due <c>t / speed</c>
/// after the replay's start (at once when speed is null, as fast as possible).
/// </summary>
internal sealed class ReplayPace(double? speed, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    public Task WaitUntilAsync(TimeSpan sinceDataStart, CancellationToken cancellationToken)
    {
        if (speed is not { } factor)
        {
            return Task.CompletedTask;
        }

        var wait = (sinceDataStart / factor) - time.GetElapsedTime(_started);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
