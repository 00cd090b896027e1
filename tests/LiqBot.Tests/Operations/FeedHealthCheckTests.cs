using LiqBot.Operations;
using LiqBot.Tests.Exchanges.Supervision;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Operations;

public sealed class FeedHealthCheckTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly BotMetrics _metrics = TestMetrics.New();

    [Fact]
    public async Task Connecting_IsUnhealthy_SayingSinceWhen()
    {
        var result = await CheckAsync(new ScriptedMarketSource(isFinite: false));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("market data unavailable since 1970-01-01 00:00:00Z (connecting)", result.Description);
    }

    [Fact]
    public async Task Live_IsHealthy_UntilItsNewestEventIsOlderThanMaxFeedLag()
    {
        var source = new ScriptedMarketSource(false, new ScriptedMarketSource.Script([SupervisedMarketSourceTests.Bar(0)]));
        await using var stream = source.StreamAsync(CancellationToken.None).GetAsyncEnumerator();
        await stream.MoveNextAsync();
        _metrics.MarketEvent(stream.Current.Time);
        _clock.SetUtcNow(stream.Current.Time + new OperationsOptions().MaxFeedLag);

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(source)).Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var stale = await CheckAsync(source);
        Assert.Equal(HealthStatus.Unhealthy, stale.Status);
        Assert.Equal("no market data for 181 s", stale.Description);
    }

    private Task<HealthCheckResult> CheckAsync(LiqBot.Exchanges.IMarketSource source) =>
        new FeedHealthCheck(source, new FeedLag(_metrics, _clock), Options.Create(new OperationsOptions())).CheckHealthAsync(new HealthCheckContext());
}
