using LiqBot.Exchanges;
using LiqBot.Operations;
using LiqBot.Tests.Chat.Discord;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Operations;

public sealed class FeedHealthTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 4, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Noon);
    private readonly BotMetrics _metrics = TestMetrics.New();

    [Fact]
    public async Task OneOfThreeVenuesDown_IsDegradedNotDead_AndNamesIt()
    {
        var feeds = Feeds((Venue.Bybit, FeedState.Live), (Venue.Binance, FeedState.Live), (Venue.Okx, FeedState.Unavailable));
        _metrics.MarketEvent(Noon);

        var report = await RunAsync(feeds);

        Assert.Equal(HealthStatus.Degraded, report.Status);
        var okx = report.Entries["feed:okx"];
        Assert.Equal(HealthStatus.Degraded, okx.Status);
        Assert.Equal("OKX: market data unavailable since 2026-12-01 12:04:00Z (pong timeout)", okx.Description);
        Assert.Equal(HealthStatus.Healthy, report.Entries["feed:bybit"].Status);
        Assert.Equal("OKX stale since 12:04 UTC (pong timeout)", LiqBot.Market.VenueStatusText.Describe(feeds));
    }

    [Fact]
    public async Task NoVenueServing_IsUnhealthy_WithEveryVenuesReason()
    {
        var feeds = Feeds((Venue.Bybit, FeedState.Unavailable), (Venue.Okx, FeedState.Connecting));

        var report = await RunAsync(feeds);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(
            ["Bybit: market data unavailable since 2026-12-01 12:04:00Z (pong timeout)", "OKX: market data unavailable since 2026-12-01 12:04:00Z (connecting)"],
            report.Entries.Values.Where(e => e.Status == HealthStatus.Unhealthy).Select(e => e.Description));
    }

    [Fact]
    public async Task OneVenueConnecting_IsUnhealthy_SayingSinceWhen_WithoutTheVenuesName()
    {
        var report = await RunAsync(Feeds((Venue.Bybit, FeedState.Connecting)));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal("market data unavailable since 2026-12-01 12:04:00Z (connecting)", report.Entries["feed:bybit"].Description);
    }

    [Fact]
    public async Task AllLive_IsReady_UntilTheNewestEventIsOlderThanMaxFeedLag()
    {
        var feeds = Feeds((Venue.Bybit, FeedState.Live), (Venue.Binance, FeedState.Live));
        _metrics.MarketEvent(Noon);
        _clock.Advance(new OperationsOptions().MaxFeedLag);

        Assert.Equal(HealthStatus.Healthy, (await RunAsync(feeds)).Status);
        Assert.Null(LiqBot.Market.VenueStatusText.Describe(feeds));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var stale = await RunAsync(feeds);
        Assert.Equal(HealthStatus.Unhealthy, stale.Status);
        Assert.Equal("no market data for 181 s", stale.Entries["feed lag"].Description);
    }

    [Fact]
    public async Task AFinishedReplay_StaysReady_HoweverOldItsData()
    {
        var feeds = Feeds((Venue.Replay, FeedState.Ended));
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HealthStatus.Healthy, (await RunAsync(feeds)).Status);
    }

    /// <summary>Runs the checks as /healthz does, through ASP.NET Core's health check service.</summary>
    private async Task<HealthReport> RunAsync(VenueFeeds feeds)
    {
        var lag = new FeedLagHealthCheck(feeds, new FeedLag(_metrics, _clock), Options.Create(new OperationsOptions()));
        await using var store = new SqliteOutbox();
        var checks = new BotHealthChecks(feeds, lag, new StoreHealthCheck(store.Outbox), new ChatConnectionsHealthCheck([]));
        var services = new ServiceCollection().AddLogging();
        var health = services.AddHealthChecks();
        foreach (var (name, check) in checks.All())
        {
            health.AddCheck(name, check);
        }

        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    private VenueFeeds Feeds(params (Venue Venue, FeedState State)[] venues) =>
        new(venues.Select(v => new VenueFeed(v.Venue, new SupervisedMarketSource(
            new FixedStatusSource(new FeedStatus(v.State, Noon, v.State == FeedState.Unavailable ? "pong timeout" : null), v.State == FeedState.Ended),
            new MarketRecordFilter(_clock, NullLogger<MarketRecordFilter>.Instance),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(2),
            _clock,
            NullLogger<SupervisedMarketSource>.Instance))).ToList());
}
