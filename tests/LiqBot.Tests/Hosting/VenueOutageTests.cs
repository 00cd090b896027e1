using LiqBot.Chat;
using LiqBot.Chat.Console;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Fakes.Bybit;
using LiqBot.Hosting;
using LiqBot.Market;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Hosting;

/// <summary>
/// The whole bot live on the fake Bybit: its socket is dropped and the venue stays silent for a while. The
/// outage must show in /metrics and /healthz, in the next /heatmap (its reply and its snapshot) and in the
/// cascade alert whose window spans it.
/// </summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class VenueOutageTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task DroppedSocket_IsCountedAsAnOutage_AndNamedInTheNextHeatmapAndCascade()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        var port = FreeTcpPort.Pick();
        var input = new HeldOpenReader();
        using var captured = new StringWriter();
        var output = TextWriter.Synchronized(captured);
        string[] args =
        [
            $"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Market:Source=bybit", $"--Operations:Port={port}",
            "--Operations:MaxFeedLag=00:10:00", $"--Bybit:RestUrl={bybit.RestUrl}", $"--Bybit:StreamUrl={bybit.StreamUrl}", "--Bybit:WarmStart=02:00:00",
            "--Bybit:PongTimeout=00:00:01", "--Logging:LogLevel:Default=None",
        ];
        using var host = BotHost.Build(args, null, null, input, output, RepoPaths.Root);
        var running = host.RunAsync();
        using var ops = new OperationsProbe(port);
        var router = host.Services.GetRequiredService<ICommandRouter>();
        var outages = host.Services.GetRequiredService<VenueFeeds>().All.Single().Source.Counters!.Outages;

        await Eventually.TrueAsync(async () => await ops.ReadyAsync(), TimeSpan.Zero, "the bot is live on the fake Bybit");
        Assert.StartsWith("Subscribed to BTCUSDT alerts: cascade", (await Ask(router, "subscribe", "btc", "cascade")).Text, StringComparison.Ordinal);
        Assert.Equal(0, outages.Count); // the wait for the first connection is a start span, not the venue down
        Assert.True(outages.Snapshot("Bybit").Single().IsStart);

        bybit.Silent = true;
        bybit.DropConnections();
        await Eventually.TrueAsync(async () => await ops.HealthAsync() is (_, var text) && text.Contains("; liquidations missing since ", StringComparison.Ordinal), TimeSpan.Zero, "/healthz says since when liquidations are missing");
        Assert.Equal(1, outages.Count);
        bybit.Silent = false;
        await Eventually.TrueAsync(async () => await ops.ReadyAsync(), TimeSpan.Zero, "the bot is live again");
        var dropped = outages.Snapshot("Bybit")[^1];
        Assert.NotNull(dropped.To);

        Assert.Equal(1, await ops.VenueMetricAsync("liqbot_feed_outages_total", "bybit"));
        var seconds = (await ops.VenueMetricAsync("liqbot_feed_outage_seconds_total", "bybit"))!.Value;
        Assert.True(seconds >= (dropped.To!.Value - dropped.From).TotalSeconds, $"{seconds} s down counted, the drop alone lasted {(dropped.To.Value - dropped.From).TotalSeconds} s");

        // A $20M liquidation after the venue is back: over the $16M cascade threshold, the window spans the outage.
        var t = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() + 1_000;
        await bybit.PushAsync(FakeBybitFrames.Liquidation("BTCUSDT", t, longLiquidated: true, 400, 50_000));
        await bybit.PushAsync(FakeBybitFrames.Trade("BTCUSDT", t + 60_000, true, 1, 50_000)); // releases what the gate holds after a reconnect
        await Eventually.UntilAsync(() => captured.ToString().Contains("BTCUSDT cascade:", StringComparison.Ordinal), "the cascade alert reached the console");

        // The books hold the span before the start and the drop apart: the first is no venue's fault.
        var (_, snapshot) = host.Services.GetRequiredService<MarketRegistry>().Find("BTCUSDT")!.Read(TimeWindow.H12, withHeatmap: true);
        var start = Assert.Single(snapshot!.Gaps, g => g.IsStart);
        var gap = Assert.Single(snapshot.Gaps, g => !g.IsStart);
        Assert.True(gap.From <= dropped.From && gap.To >= dropped.To, $"{gap} holds {dropped}");
        Assert.Equal("Bybit", gap.Venue);
        var alert = captured.ToString().Split('\n').First(l => l.Contains("BTCUSDT cascade:", StringComparison.Ordinal));
        var startedAt = start.To!.Value.UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var missing = $"Liquidations missing before the start at {startedAt} UTC; Bybit's liquidations missing {gap.Span()}";
        Assert.True(alert.Contains($" {missing}; the sum is a floor.", StringComparison.Ordinal), $"{alert} / expected {missing}");

        var heatmap = await Ask(router, "heatmap", "btc", "12h");
        Assert.Contains($"(Liquidations missing for good, so the points undercount: before the start at {startedAt} UTC; Bybit down {gap.Span()}.)", heatmap.Text, StringComparison.Ordinal);
        Assert.NotNull(heatmap.Image);

        input.CloseInput();
        await running.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public void Dispose() => _folder.Dispose();

    private static Task<ChatReply> Ask(ICommandRouter router, string command, params string[] arguments) =>
        router.HandleAsync(new ChatRequest(ConsoleChatIO.Chat, "test", command, arguments, _ => ValueTask.FromResult(true)), CancellationToken.None);
}
