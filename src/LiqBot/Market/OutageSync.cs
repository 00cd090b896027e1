using LiqBot.Exchanges;

namespace LiqBot.Market;

/// <summary>
/// Copies each venue's outages (<see cref="FeedOutages"/>) into that venue's book of every symbol, when
/// they changed. The market worker calls it before each event, so an outage is in the books before any
/// event that followed it; the status worker calls it on its tick, so one still going on shows while no
/// data comes at all.
/// </summary>
internal sealed class OutageSync(VenueFeeds feeds, MarketRegistry markets)
{
    private readonly Lock _lock = new();
    private long _synced = -1;

    public void SyncIfChanged()
    {
        lock (_lock)
        {
            var version = 0L;
            foreach (var feed in feeds.All)
            {
                version += feed.Source.Counters?.Outages.Version ?? 0;
            }

            if (version != _synced)
            {
                _synced = version;
                Sync();
            }
        }
    }

    private void Sync()
    {
        foreach (var feed in feeds.All)
        {
            if (feed.Source.Counters is not { } counters)
            {
                continue;
            }

            var outages = counters.Outages.Snapshot(feed.Venue.Name);
            foreach (var market in markets.All)
            {
                if (!market.Venues.Contains(feed.Venue))
                {
                    continue;
                }

                lock (market.Gate)
                {
                    var log = market.BookOf(feed.Venue).Outages;
                    outages.ForEach(log.Record);
                }
            }
        }
    }
}
