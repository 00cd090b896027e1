using System.Net;
using System.Net.Sockets;
using LiqBot.Hosting;
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
        var port = FreePort();
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
        Assert.Contains("# TYPE liqbot_market_events_total counter\nliqbot_market_events_total 844\n", metrics, StringComparison.Ordinal);
        Assert.Contains("liqbot_outbox_pending 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE liqbot_feed_lag_seconds gauge", metrics, StringComparison.Ordinal);
        Assert.Contains("liqbot_chat_rate_limited_total 0\n", metrics, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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
