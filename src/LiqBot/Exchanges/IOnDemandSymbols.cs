namespace LiqBot.Exchanges;

/// <summary>
/// A live venue's part in following symbols on demand: its listed perpetuals, and adding or dropping a
/// symbol while it runs. A change takes effect at the venue's next connection, which the running session
/// starts at once, gap-free (every symbol it already follows is backfilled from its last bar).
/// </summary>
public interface IOnDemandSymbols
{
    /// <summary>How much history a symbol new to the venue is warmed up from.</summary>
    TimeSpan WarmStart { get; }

    /// <summary>How long the last warm start of one symbol took here (the start-up's included); null before any.</summary>
    TimeSpan? LastWarmUp { get; }

    /// <summary>The venue's USDT linear perpetuals that trade now, by our names (SOLUSDT), from its public REST.</summary>
    Task<IReadOnlySet<string>> ListPerpetualsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Follows <paramref name="symbol"/>; completes once its warm start has been handed on, with the close of
    /// the last history bar (null when the venue had none). A symbol already followed completes at once.
    /// </summary>
    Task<DateTimeOffset?> TrackAsync(string symbol);

    /// <summary>Stops following <paramref name="symbol"/> (a warm-up still waiting is cancelled).</summary>
    void Untrack(string symbol);
}
