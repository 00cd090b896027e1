namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Records what every venue delivers to the engine, as the bot consumes it (supervised, filtered, gap
/// backfills, warm start and polled open interest included), with receive times, for a while counted from
/// the first live event (the warm start and connecting come before it, and take as long as they take).
/// A cancel (Ctrl+C) ends the recording early, not with an error, so the caller closes a whole file.
/// </summary>
internal static class MarketRecorder
{
    /// <summary>How long to wait for a first live event at least, when the duration is shorter: the warm start comes first.</summary>
    public static readonly TimeSpan LiveWait = TimeSpan.FromMinutes(2);

    /// <param name="onLive">Called once, when the first live event arrived: from then the duration runs.</param>
    public static async Task<RecordedSpan> RecordAsync(VenueFeeds feeds, TimeSpan duration, RecordingWriter writer, TimeProvider time, Action<DateTimeOffset>? onLive, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var live = feeds.Venues.ToDictionary(v => v, _ => 0L);
        DateTimeOffset? liveFrom = null;
        using var window = new CancellationTokenSource(duration > LiveWait ? duration : LiveWait, time);
        using var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
        try
        {
            await foreach (var (venue, marketEvent) in feeds.StreamAsync(token.Token))
            {
                var received = time.GetUtcNow();

                // Not cancellable: a half-written line would spoil the file when the window ends.
                await writer.WriteAsync(received.ToUnixTimeMilliseconds(), venue, marketEvent, CancellationToken.None);
                if (marketEvent.Time < started)
                {
                    continue;
                }

                live[venue]++;
                if (liveFrom is null)
                {
                    liveFrom = received;
                    window.CancelAfter(duration);
                    onLive?.Invoke(received);
                }
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
        }

        return new RecordedSpan(live, liveFrom, time.GetUtcNow(), Stopped: cancellationToken.IsCancellationRequested && !window.IsCancellationRequested);
    }
}
