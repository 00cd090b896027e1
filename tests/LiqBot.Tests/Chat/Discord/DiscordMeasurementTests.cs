using System.Diagnostics;
using System.Globalization;
using LiqBot.Fakes.Discord;
using Xunit.Abstractions;

using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Discord;

/// <summary>
/// The speed targets, measured against the fake over real sockets and printed to the test
/// output. The global limit is scaled from 50/s to 200/s (LIQBOT_DISCORD_GLOBAL_LIMIT overrides it,
/// e.g. 50 for Discord's real figure); per-channel buckets keep Discord's 5 per 5 s.
/// </summary>
public sealed class DiscordMeasurementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public async Task Acknowledgement_200InteractionsWhileImagesRender_AllDeferredBeforeAnyImage(int cpuMsPerRender)
    {
        // No deadline is asserted (a loaded machine may be slow); what must hold on any machine is that
        // deferrals do not wait for renders: all 200 are acknowledged while no render can finish.
        await using var host = await (await DiscordTestHost.StartAsync(new FakeDiscordOptions { InteractionDeadline = TimeSpan.FromMinutes(5) })).ConnectAsync();
        host.Router.RenderCpu = TimeSpan.FromMilliseconds(cpuMsPerRender);
        var liqmap = new FakeInteractionRequest("liqmap", new Dictionary<string, string> { ["symbol"] = "btc" });

        // One warm-up command first, as a running bot has answered before: the figure is not the JIT's.
        var warmUp = await host.Fake.Gateway.DispatchInteractionAsync(liqmap);
        await Eventually.UntilAsync(() => warmUp.FollowUps.Count > 0, "the warm-up interaction was answered");

        var renders = new TaskCompletionSource();
        host.Router.RenderGate = renders.Task;
        var interactions = new List<FakeInteraction>();
        for (var i = 0; i < 200; i++)
        {
            interactions.Add(await host.Fake.Gateway.DispatchInteractionAsync(liqmap));
        }

        await Eventually.UntilAsync(() => interactions.All(i => i.AcknowledgeLatency is not null), "every interaction deferred", TimeSpan.FromSeconds(120));
        Assert.All(interactions, i => Assert.Empty(i.FollowUps));
        renders.SetResult();
        await Eventually.UntilAsync(() => interactions.All(i => i.FollowUps.Count > 0), "every interaction got its image", TimeSpan.FromSeconds(60));

        var latencies = interactions.Select(i => i.AcknowledgeLatency!.Value.TotalMilliseconds).Order().ToList();
        var (p50, p99, max) = (Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
        output.WriteLine(FormattableString.Invariant($"ack latency over {latencies.Count} interactions (render {cpuMsPerRender} ms CPU each, then held until all were deferred; all dispatched at once, after one warm-up): p50 {p50:0.0} ms, p99 {p99:0.0} ms, max {max:0.0} ms"));
        Assert.All(interactions, i => Assert.Equal(0, i.LateCallbacks));
    }

    [Fact]
    public async Task Posting_AnAlertTo1000ChannelsThroughTheOutbox_CompletesWithZero429s()
    {
        var globalLimit = GlobalLimit();
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { GlobalLimit = globalLimit }, o => o.GlobalRequestsPerSecond = globalLimit);
        await using var store = new SqliteOutbox();
        for (var channel = 0; channel < 1000; channel++)
        {
            await store.EnqueueAsync((1_000_000 + channel).ToString(CultureInfo.InvariantCulture), "proximity:BTCUSDT:long:88000:2026-11-21T04:00Z");
        }

        var dispatcher = store.Dispatcher(host.Sender);
        var started = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < 50 && await store.PendingAsync() > 0; pass++)
        {
            await dispatcher.DispatchOnceAsync(host.Sender, CancellationToken.None);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine(FormattableString.Invariant(
            $"1000 channels: {elapsed.TotalSeconds:0.00} s, {1000 / elapsed.TotalSeconds:0.0} messages/s against a global limit of {globalLimit}/s, {host.Fake.RateLimits.TooManyRequests} x 429"));
        Assert.Equal(0, await store.PendingAsync());
        Assert.Equal(1000, host.Fake.TotalMessages);
        Assert.Equal(0, host.Fake.RateLimits.TooManyRequests);
    }

    [Fact]
    public async Task Posting_1000ChannelsAtTheGlobalLimit_PacesTheSenderWithoutA429Storm()
    {
        // The sender alone (no storage) so the global limit, not SQLite's commit rate, is what binds.
        var globalLimit = GlobalLimit();
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { GlobalLimit = globalLimit }, o => o.GlobalRequestsPerSecond = globalLimit);
        var report = new RecordingDeliveryReport();
        var batch = Enumerable.Range(0, 1000).Select(i => RecordingDeliveryReport.Message(i + 1, (2_000_000 + i).ToString(CultureInfo.InvariantCulture))).ToList();

        var started = Stopwatch.GetTimestamp();
        await host.Sender.SendAsync(batch, report, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);

        output.WriteLine(FormattableString.Invariant(
            $"sender alone, 1000 channels: {elapsed.TotalSeconds:0.00} s, {1000 / elapsed.TotalSeconds:0.0} messages/s against a global limit of {globalLimit}/s, {host.Fake.RateLimits.TooManyRequests} x 429 (global window now {host.Limiter.GlobalWindow.TotalMilliseconds:0} ms)"));
        Assert.All(report.Reports, r => Assert.Equal("sent", r.Outcome));
        Assert.Equal(1000, host.Fake.TotalMessages);
        Assert.InRange(host.Fake.RateLimits.TooManyRequests, 0, 10);
    }

    private static int GlobalLimit() =>
        int.TryParse(Environment.GetEnvironmentVariable("LIQBOT_DISCORD_GLOBAL_LIMIT"), CultureInfo.InvariantCulture, out var limit) ? limit : 200;

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
