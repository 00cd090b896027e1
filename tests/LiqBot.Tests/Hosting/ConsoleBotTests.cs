using System.Globalization;
using System.Text;
using LiqBot.Engine.Alerts;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Hosting;

/// <summary>The bot end to end on the console chat. Working folders are process-wide, so these run one at a time.</summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class ConsoleBotTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Run_ReplayThenLiqMap_PrintsTheBriefAndSavesTheImage()
    {
        var output = await ConsoleBot.RunAsync(_folder, RepoPaths.Sample, "/liqmap btc\nnot a command\n/" + new string('x', 10_000) + "\n");

        Assert.Contains("BTCUSDT 24h, price 63.3k. Longs: densest ", output, StringComparison.Ordinal);
        Assert.Contains("Commands start with /, e.g. /liqmap btc. Try /help.", output, StringComparison.Ordinal);
        Assert.Contains("That line is too long for a command (10,001 characters; at most 512).", output, StringComparison.Ordinal);
        var image = Path.Combine(_folder.Path, "out", "liqmap-BTCUSDT-24h.png");
        Assert.Contains($"image: {image}", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(image).Length > 10_000);
        Assert.DoesNotContain("unavailable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SettingsSurviveARestart()
    {
        await ConsoleBot.RunAsync(_folder, RepoPaths.Sample, "/config proximity_pct 0.8\n");

        var output = await ConsoleBot.RunAsync(_folder, RepoPaths.Sample, "/config\n");

        Assert.Contains("proximity_pct 0.8", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PriceNearsZone_ProximityFiresOnceNotAgainInCooldownAgainAfterReArming()
    {
        // One 10x tier: a $200M long level at 90,500 (zone 90.4k-90.6k on $200 zone bins). Five-minute bars; cooldown 30 minutes.
        var bars = new (int Minute, double Price, double OpenInterest)[]
        {
            (0, 100_000, 5_000e6), (5, 100_000, 5_200e6),
            (10, 91_000, 5_200e6), // 0.44 % above the zone: fires
            (15, 91_000, 5_200e6), // hovering: quiet
            (20, 92_000, 5_200e6), // 1.5 % away: re-armed, but within the cooldown
            (25, 91_000, 5_200e6), // near again within the cooldown: quiet
            (30, 92_000, 5_200e6),
            (55, 91_000, 5_200e6), // cooldown over and re-armed: fires again
        };
        var csv = _folder.File("proximity.csv");
        await File.WriteAllTextAsync(csv, Csv(bars));
        await SubscribeBeforeStartAsync(AlertKinds.Proximity);

        var output = await ConsoleBot.RunAsync(_folder, csv, string.Empty, "--Model:Tiers:0:Leverage=10", "--Model:Tiers:0:Weight=1", "--Model:BinSize=100");

        var alerts = output.Split('\n').Where(l => l.StartsWith("[alert]", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Contains("0.44 % from the long zone 90.4k-90.6k ($200M est.). 2026-06-01 00:15 UTC", alerts[0], StringComparison.Ordinal);
        Assert.Contains("2026-06-01 01:00 UTC", alerts[1], StringComparison.Ordinal);
        // Each alert carries its chart, rendered once and stored once.
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("image: ", StringComparison.Ordinal) && l.Contains("alert-", StringComparison.Ordinal)));
    }

    public void Dispose() => _folder.Dispose();

    private async Task SubscribeBeforeStartAsync(AlertKinds kinds)
    {
        var database = new SqliteStorageDatabase(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("liqbot.db") }, TimeProvider.System, NullLogger<SqliteStorageDatabase>.Instance);
        await new StoreInstance(database).Subscriptions.SubscribeAsync(new ChatAddress(ChatPlatforms.Console, "local"), "BTCUSDT", kinds, CancellationToken.None);
    }

    private static string Csv(IEnumerable<(int Minute, double Price, double OpenInterest)> bars)
    {
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var text = new StringBuilder("timestamp,price_open,price_high,price_low,price_close,oi_close\n");
        foreach (var (minute, price, openInterest) in bars)
        {
            text.Append(CultureInfo.InvariantCulture, $"{start.AddMinutes(minute).ToUnixTimeMilliseconds()},{price},{price},{price},{price},{openInterest}\n");
        }

        return text.ToString();
    }
}

[CollectionDefinition(nameof(ConsoleBotCollection), DisableParallelization = true)]
public sealed class ConsoleBotCollection;
