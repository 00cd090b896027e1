using LiqBot.Exchanges;
using LiqBot.Operations;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Operations;

public sealed class FeedHealthTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 4, 0, TimeSpan.Zero);

    [Fact]
    public void OneOfThreeVenuesDown_IsDegradedNotDead_AndNamesIt()
    {
        var feeds = Feeds((Venue.Bybit, FeedState.Live), (Venue.Binance, FeedState.Live), (Venue.Okx, FeedState.Unavailable));

        var (problems, degraded) = FeedHealth.Evaluate(feeds, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

        Assert.Empty(problems);
        Assert.Equal("OKX: market data unavailable since 2026-12-01 12:04:00Z (pong timeout)", Assert.Single(degraded));
        Assert.Equal("OKX stale since 12:04 UTC (pong timeout)", LiqBot.Market.VenueStatusText.Describe(feeds));
    }

    [Fact]
    public void NoVenueServing_IsAProblem()
    {
        var feeds = Feeds((Venue.Bybit, FeedState.Unavailable), (Venue.Okx, FeedState.Connecting));

        var (problems, _) = FeedHealth.Evaluate(feeds, null, TimeSpan.FromMinutes(2));

        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void AllLive_ButDataStopped_IsAProblem_AndAllLiveAndFresh_IsReady()
    {
        var feeds = Feeds((Venue.Bybit, FeedState.Live), (Venue.Binance, FeedState.Live));

        Assert.Single(FeedHealth.Evaluate(feeds, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2)).Problems);
        var (problems, degraded) = FeedHealth.Evaluate(feeds, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2));
        Assert.Empty(problems);
        Assert.Empty(degraded);
        Assert.Null(LiqBot.Market.VenueStatusText.Describe(feeds));
    }

    private static VenueFeeds Feeds(params (Venue Venue, FeedState State)[] venues) =>
        new(venues.Select(v => new VenueFeed(v.Venue, new SupervisedMarketSource(
            new FixedStatusSource(new FeedStatus(v.State, Noon, v.State == FeedState.Unavailable ? "pong timeout" : null)),
            new MarketRecordFilter(TimeProvider.System, NullLogger<MarketRecordFilter>.Instance),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(2),
            TimeProvider.System,
            NullLogger<SupervisedMarketSource>.Instance))).ToList());
}
