namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Records what every venue delivers to the engine, as the bot consumes it (supervised, filtered, gap
/// backfills, warm start and polled open interest included), with receive times, for a while.
/// </summary>
internal static class MarketRecorder
{
    /// <returns>Per venue, the events of the recording's own time (not its warm-start history): 0 means the venue delivered nothing live.</returns>
    public static async Task<Dictionary<Venue, long>> RecordAsync(VenueFeeds feeds, TimeSpan duration, RecordingWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var live = feeds.Venues.ToDictionary(v => v, _ => 0L);
        using var window = new CancellationTokenSource(duration, time);
        using var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
        try
        {
            await foreach (var (venue, marketEvent) in feeds.StreamAsync(token.Token))
            {
                // Not cancellable: a half-written line would spoil the file when the window ends.
                await writer.WriteAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), venue, marketEvent, CancellationToken.None);
                if (marketEvent.Time >= started)
                {
                    live[venue]++;
                }
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
        return live;
    }
}
