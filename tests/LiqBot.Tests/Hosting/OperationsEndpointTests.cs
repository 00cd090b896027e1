using System.Net;
using LiqBot.Chat;
using LiqBot.Chat.Console;
using LiqBot.Fakes.Bybit;
using LiqBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Hosting;

[Collection(nameof(ConsoleBotCollection))]
public sealed class OperationsEndpointTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Endpoints_AfterAReplay_AreReadyAndCountWhatHappened()
    {
        var port = FreeTcpPort.Pick();
        var input = new HeldOpenReader();
        string[] args = [$"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Market:Source=replay", $"--Operations:Port={port}", "--Logging:LogLevel:Default=Warning"];
        using var host = BotHost.Build(args, RepoPaths.Sample, "max", input, TextWriter.Null, RepoPaths.Root);
        var running = host.RunAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var health = await Eventually(async () => await http.GetAsync(new Uri("/healthz", UriKind.Relative)), r => r.StatusCode == HttpStatusCode.OK);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        input.CloseInput();
        await running.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("ready\n", await health.Content.ReadAsStringAsync());
        Assert.Contains("# TYPE liqbot_market_events_total gauge\nliqbot_market_events_total 844\n", metrics, StringComparison.Ordinal);
        Assert.Contains("liqbot_outbox_pending 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE liqbot_feed_lag_seconds gauge", metrics, StringComparison.Ordinal);
        Assert.Contains("liqbot_chat_rate_limited_total 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveFeed_BadKlineIsSkippedAndCounted_AndAStalledFeedIsSaidInHealthAndReplies()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        var fiveMinutes = 300_000L;
        bybit.CorruptKlineOpenMs = (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - 3_600_000) / fiveMinutes * fiveMinutes;
        var port = FreeTcpPort.Pick();
        var input = new HeldOpenReader();
        string[] args =
        [
            $"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Market:Source=bybit", $"--Operations:Port={port}",
            "--Operations:MaxFeedLag=00:10:00", $"--Bybit:RestUrl={bybit.RestUrl}", $"--Bybit:StreamUrl={bybit.StreamUrl}", "--Bybit:WarmStart=02:00:00",
            "--Bybit:PongTimeout=00:00:01", "--Logging:LogLevel:Default=Warning",
        ];
        using var host = BotHost.Build(args, null, null, input, TextWriter.Null, RepoPaths.Root);
        var running = host.RunAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await Eventually(async () => await http.GetAsync(new Uri("/healthz", UriKind.Relative)), r => r.StatusCode == HttpStatusCode.OK);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        // The fake serves the broken kline for both followed symbols (BTCUSDT, ETHUSDT): one skip each. The exporter sorts labels by name.
        Assert.True(metrics.Contains("liqbot_market_records_skipped_total{kind=\"BarRange\",venue=\"bybit\"} 2\n", StringComparison.Ordinal), metrics);
        Assert.Contains("liqbot_feed_live{venue=\"bybit\"} 1\n", metrics, StringComparison.Ordinal);

        bybit.Silent = true;
        bybit.DropConnections();
        var stale = await Eventually(async () => await http.GetAsync(new Uri("/healthz", UriKind.Relative)), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        Assert.StartsWith("not ready: market data unavailable since ", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var router = host.Services.GetRequiredService<ICommandRouter>();
        await TestSupport.Eventually.UntilAsync(() => Zones(router).Contains("market data unavailable since", StringComparison.Ordinal), "the reply says the map is stale");
        Assert.StartsWith("BTCUSDT 24h", Zones(router), StringComparison.Ordinal);

        bybit.Silent = false;
        await Eventually(async () => await http.GetAsync(new Uri("/healthz", UriKind.Relative)), r => r.StatusCode == HttpStatusCode.OK);
        input.CloseInput();
        await running.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task OneOfTwoVenuesUnreachable_IsDegradedWith200_AndNoneServing_Is503()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        var nowhere = $"127.0.0.1:{FreeTcpPort.Pick()}";
        var port = FreeTcpPort.Pick();
        var input = new HeldOpenReader();
        string[] args =
        [
            $"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Market:Source=live", "--Market:Venues:0=bybit", "--Market:Venues:1=binance",
            $"--Operations:Port={port}", "--Operations:MaxFeedLag=00:10:00", $"--Bybit:RestUrl={bybit.RestUrl}", $"--Bybit:StreamUrl={bybit.StreamUrl}",
            "--Bybit:WarmStart=02:00:00", "--Bybit:PongTimeout=00:00:01", $"--Binance:RestUrl=http://{nowhere}", $"--Binance:StreamUrl=ws://{nowhere}/market",
            "--Logging:LogLevel:Default=None",
        ];
        using var host = BotHost.Build(args, null, null, input, TextWriter.Null, RepoPaths.Root);
        var running = host.RunAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var degraded = await Eventually(
            async () => await http.GetAsync(new Uri("/healthz", UriKind.Relative)),
            r => r.StatusCode == HttpStatusCode.OK && r.Content.ReadAsStringAsync().GetAwaiter().GetResult().StartsWith("degraded", StringComparison.Ordinal));
        Assert.StartsWith("degraded: Binance: market data unavailable since ", await degraded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("liqbot_feed_live{venue=\"bybit\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("liqbot_feed_live{venue=\"binance\"} 0\n", metrics, StringComparison.Ordinal);

        bybit.Silent = true;
        bybit.DropConnections();
        var dead = await Eventually(async () => await http.GetAsync(new Uri("/healthz", UriKind.Relative)), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var reasons = await dead.Content.ReadAsStringAsync();
        Assert.StartsWith("not ready: ", reasons, StringComparison.Ordinal);
        Assert.Contains("Bybit: market data unavailable since ", reasons, StringComparison.Ordinal);
        Assert.Contains("Binance: market data unavailable since ", reasons, StringComparison.Ordinal);
        input.CloseInput();
        await running.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public void Dispose() => _folder.Dispose();

    private static string Zones(ICommandRouter router) =>
        router.HandleAsync(new ChatRequest(ConsoleChatIO.Chat, "test", "zones", ["btc"], _ => ValueTask.FromResult(true)), CancellationToken.None).GetAwaiter().GetResult().Text;


    /// <summary>Asks again until the answer is as wanted, for at most 30 seconds (the replay must be ingested first).</summary>
    private static async Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> ask, Func<HttpResponseMessage, bool> wanted)
    {
        using var deadline = new CancellationTokenSource(TestSupport.Eventually.Floor);
        while (true)
        {
            try
            {
                var response = await ask();
                if (wanted(response))
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
