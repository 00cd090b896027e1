using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;
using LiqBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace LiqBot.Tests.Soak;

/// <summary>
/// The whole bot, live on the three fake venues, under a seeded plan of venue faults: every round, on every
/// venue in a shuffled order, the socket is cut, the venue goes silent past the keep-alive, and a malformed
/// frame comes; once in the run the process is killed (SIGKILL) and started again. After each fault the
/// venue serves again (/healthz "ready", its feed live) and a frame pushed after the fault reaches the bot
/// (the malformed-frame count moves); while one venue is silent the others keep serving (/healthz 200
/// "degraded" naming it, never 503). The working set is read each round and must stay bounded.
/// </summary>
[Collection(nameof(SoakCollection))]
public sealed class VenueFaultSoakTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 17;
    private const int Rounds = 3;
    private const long WorkingSetBound = 400_000_000;
    private const string Malformed = "liqbot_feed_malformed_frames_total";
    private readonly TempDirectory _folder = new();
    private readonly int _port = FreePort();
    private BotProcess? _bot;

    private enum Fault
    {
        Drop,
        Silence,
        MalformedFrame,
    }

    [Fact]
    public async Task DropsSilencesMalformedFramesAndAKill_OnEveryVenue_TheFeedRecoversAfterEach_AndTheOthersServeMeanwhile()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        await using var binance = await FakeBinanceServer.StartAsync();
        await using var okx = await FakeOkxServer.StartAsync();
        SoakVenue[] venues = [SoakVenue.Of(bybit), SoakVenue.Of(binance), SoakVenue.Of(okx)];
        using var ops = new OperationsProbe(_port);
        var random = new Random(Seed);
        var killRound = random.Next(Rounds);
        var workingSets = new List<long>();
        var watch = Stopwatch.StartNew();

        _bot = StartBot(bybit, binance, okx);
        await Eventually.TrueAsync(ops.ReadyAsync, Eventually.Floor, "the bot is ready on all three venues");
        for (var round = 0; round < Rounds; round++)
        {
            var plan = venues.SelectMany(v => Enum.GetValues<Fault>().Select(f => (Venue: v, Fault: f))).OrderBy(_ => random.Next()).ToList();
            output.WriteLine($"round {round}: {string.Join(", ", plan.Select(p => $"{p.Venue.Key} {p.Fault}"))}");
            foreach (var (venue, fault) in plan)
            {
                await ApplyAndRecoverAsync(ops, venue, fault);
            }

            if (round == killRound)
            {
                _bot.Kill();
                _bot.Dispose();
                _bot = StartBot(bybit, binance, okx);
                await Eventually.TrueAsync(ops.ReadyAsync, Eventually.Floor, "the restarted bot is ready on all three venues");
                foreach (var venue in venues)
                {
                    await FrameReachesTheBotAsync(ops, venue, "after the kill");
                }

                output.WriteLine($"round {round}: killed and restarted");
            }

            workingSets.Add(_bot.WorkingSetBytes);
        }

        output.WriteLine($"{Rounds} rounds in {watch.Elapsed.TotalSeconds:F0} s; working set per round {string.Join(" / ", workingSets.Select(b => $"{b / 1_000_000} MB"))}");
        Assert.All(workingSets, bytes => Assert.InRange(bytes, 1, WorkingSetBound));
        Assert.False(_bot.HasExited, "the bot is still running");
    }

    public void Dispose()
    {
        _bot?.Dispose();
        _folder.Dispose();
    }

    private static async Task ApplyAndRecoverAsync(OperationsProbe ops, SoakVenue venue, Fault fault)
    {
        switch (fault)
        {
            case Fault.Drop:
                var reconnects = await ops.VenueMetricAsync("liqbot_feed_reconnects_total", venue.Key) ?? 0;
                venue.Drop();
                await Eventually.TrueAsync(async () => await ops.VenueMetricAsync("liqbot_feed_reconnects_total", venue.Key) > reconnects, Eventually.Floor, $"{venue.Name} reconnects after the drop");
                break;
            case Fault.Silence:
                venue.Silence(true);
                await Eventually.TrueAsync(async () => await OthersServeWhileDownAsync(ops, venue), Eventually.Floor, $"/healthz says 200 degraded for {venue.Name} while it is silent");
                venue.Silence(false);
                break;
            case Fault.MalformedFrame:
                break;
        }

        await Eventually.TrueAsync(ops.ReadyAsync, Eventually.Floor, $"the bot is ready again after {venue.Name} {fault}");
        await FrameReachesTheBotAsync(ops, venue, $"after {fault}");
    }

    /// <summary>True once the health says this venue is down while another serves; a 503 (no venue serving) fails at once.</summary>
    private static async Task<bool> OthersServeWhileDownAsync(OperationsProbe ops, SoakVenue venue)
    {
        var health = await ops.HealthAsync();
        Assert.True(health is not (HttpStatusCode.ServiceUnavailable, _), $"503 while only {venue.Name} was silent: {health?.Text}");
        return health is (HttpStatusCode.OK, var text) && text.StartsWith("degraded: ", StringComparison.Ordinal) && text.Contains($"{venue.Name}: ", StringComparison.Ordinal);
    }

    /// <summary>A malformed frame pushed now is read and counted: the venue's socket after the fault delivers to the bot.</summary>
    private static async Task FrameReachesTheBotAsync(OperationsProbe ops, SoakVenue venue, string when)
    {
        var before = await ops.VenueMetricAsync(Malformed, venue.Key) ?? 0;
        await venue.PushMalformedAsync();
        await Eventually.TrueAsync(async () => await ops.VenueMetricAsync(Malformed, venue.Key) > before, Eventually.Floor, $"a frame pushed by {venue.Name} {when} is counted as malformed");
        Assert.Equal(1, await ops.VenueMetricAsync("liqbot_feed_live", venue.Key));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private BotProcess StartBot(FakeBybitServer bybit, FakeBinanceServer binance, FakeOkxServer okx)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__SqlitePath"] = _folder.File("liqbot.db"),
            ["Market__Source"] = "live",
            ["Market__Venues__0"] = "bybit",
            ["Market__Venues__1"] = "binance",
            ["Market__Venues__2"] = "okx",
            ["Operations__Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Operations__MaxFeedLag"] = "01:00:00",
            ["Bybit__RestUrl"] = bybit.RestUrl.ToString(),
            ["Bybit__StreamUrl"] = bybit.StreamUrl.ToString(),
            ["Bybit__WarmStart"] = "01:00:00",
            ["Bybit__PingInterval"] = "00:00:03",
            ["Bybit__PongTimeout"] = "00:00:02",
            ["Bybit__ReconnectBaseDelay"] = "00:00:00.050",
            ["Bybit__ReconnectMaxDelay"] = "00:00:00.500",
            ["Binance__RestUrl"] = binance.RestUrl.ToString(),
            ["Binance__StreamUrl"] = binance.StreamUrl.ToString(),
            ["Okx__RestUrl"] = okx.RestUrl.ToString(),
            ["Okx__PublicStreamUrl"] = okx.PublicStreamUrl.ToString(),
            ["Okx__BusinessStreamUrl"] = okx.BusinessStreamUrl.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var section in new[] { "Binance", "Okx" })
        {
            environment[$"{section}__WarmStart"] = "01:00:00";
            environment[$"{section}__IdleTimeout"] = "00:00:02";
            environment[$"{section}__ReplyTimeout"] = "00:00:02";
            environment[$"{section}__ReconnectBaseDelay"] = "00:00:00.050";
            environment[$"{section}__ReconnectMaxDelay"] = "00:00:00.500";
        }

        return BotProcess.Start(_folder.Path, environment, "run");
    }
}
