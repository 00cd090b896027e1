using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LiqBot.Exchanges;

/// <summary>
/// Every configured venue, side by side: their streams merged into one of venue-tagged events (each venue
/// keeps its own order; a venue that fails is restarted by its own supervisor while the others go on).
/// The merged stream ends when every venue's stream ended (replays).
/// </summary>
public sealed class VenueFeeds(IReadOnlyList<VenueFeed> feeds)
{
    public IReadOnlyList<VenueFeed> All => feeds;

    public IReadOnlyList<Venue> Venues { get; } = feeds.Select(f => f.Venue).ToList();

    /// <summary>True when every venue is a replay that ends.</summary>
    public bool IsFinite => feeds.All(f => f.Source.IsFinite);

    /// <summary>Venues delivering (live, or a finished replay).</summary>
    public IEnumerable<VenueFeed> Serving => feeds.Where(f => f.Source.Status.State is FeedState.Live or FeedState.Ended);

    public IEnumerable<VenueFeed> Down => feeds.Where(f => f.Source.Status.State is not (FeedState.Live or FeedState.Ended));

    public async IAsyncEnumerable<VenueEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (feeds.Count == 1)
        {
            await foreach (var e in feeds[0].Source.StreamAsync(cancellationToken))
            {
                yield return new VenueEvent(feeds[0].Venue, e);
            }

            yield break;
        }

        var merged = Channel.CreateBounded<VenueEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumps = feeds.Select(f => Task.Run(() => PumpAsync(f, merged.Writer, stop.Token), CancellationToken.None)).ToList();
        var all = Task.WhenAll(pumps).ContinueWith(_ => merged.Writer.TryComplete(), TaskScheduler.Default);
        try
        {
            await foreach (var e in merged.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await all;
        }
    }

    private static async Task PumpAsync(VenueFeed feed, ChannelWriter<VenueEvent> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in feed.Source.StreamAsync(cancellationToken))
            {
                await writer.WriteAsync(new VenueEvent(feed.Venue, e), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
