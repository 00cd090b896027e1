using LiqBot.Engine.Alerts;

namespace LiqBot.Tests.Chat;

public sealed class CommandRouterTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly RouterHarness _bot = new();

    [Fact]
    public async Task LiqMap_Btc_RepliesWithTheMapImageAndTheBrief()
    {
        var reply = await _bot.Ask("/liqmap btc");

        Assert.False(reply.IsError);
        Assert.StartsWith("BTCUSDT 24h, price 63.3k. Longs: densest ", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(reply.Image);
        Assert.Equal("liqmap-BTCUSDT-24h.png", reply.Image.FileName);
        Assert.Equal(PngSignature, reply.Image.Png[..8]);
    }

    [Fact]
    public async Task LiqMap_AliasAndWindow_UseThem()
    {
        var reply = await _bot.Ask("/liqmap BTCUSDT 7d");

        Assert.StartsWith("BTCUSDT 7d,", reply.Text, StringComparison.Ordinal);
        Assert.Equal("liqmap-BTCUSDT-7d.png", reply.Image!.FileName);
    }

    [Fact]
    public async Task Heatmap_Btc_RepliesWithTheHeatmapImage()
    {
        var reply = await _bot.Ask("/heatmap btc 3d");

        Assert.Contains("BTCUSDT heatmap 3d, price 63.3k", reply.Text, StringComparison.Ordinal);
        Assert.Equal(PngSignature, reply.Image!.Png[..8]);
    }

    [Theory]
    [InlineData("/zones \u001b[31mbtc", "U+001B")]
    [InlineData("/zones btc\u0000", "U+0000")]
    [InlineData("/zones \u0001btc", "U+0001")]
    [InlineData("/subscribe \u202Ectb", "U+202E")]
    public async Task ControlCharacters_AreNamedNeverEchoed_AndChangeNothing(string line, string named)
    {
        var reply = await _bot.Ask(line);

        Assert.True(reply.IsError);
        Assert.Equal($"Commands cannot contain control characters (found {named}). Try /help.", reply.Text);
        Assert.Empty(await _bot.Stores.Subscriptions.ListSubscriptionsAsync(RouterHarness.Group, CancellationToken.None));
    }

    [Fact]
    public async Task Zones_EthWithoutData_SaysItWaits()
    {
        var reply = await _bot.Ask("/zones eth");

        Assert.False(reply.IsError);
        Assert.Equal("ETHUSDT: waiting for market data.", reply.Text);
    }

    [Theory]
    [InlineData("/liqmap doge", "Unknown symbol 'doge'. Supported: BTCUSDT (btc), ETHUSDT (eth).")]
    [InlineData("/liqmap btc 2h", "Unknown window '2h'. Use 12h, 24h, 3d, 7d, 30d.")]
    [InlineData("/liqmap", "Usage: /liqmap <symbol> [window], e.g. /liqmap btc 24h. Windows: 12h, 24h, 3d, 7d, 30d.")]
    [InlineData("/frobnicate", "Unknown command /frobnicate. Try /help.")]
    [InlineData("/subscribe btc everything", "Unknown alert kind 'everything'. Use proximity, sweep, cascade or all.")]
    public async Task BadInput_GetsOneSpecificErrorLine(string line, string expected)
    {
        var reply = await _bot.Ask(line);

        Assert.True(reply.IsError);
        Assert.Equal(expected, reply.Text);
        Assert.Null(reply.Image);
    }

    [Fact]
    public async Task LongOrManyArguments_AreRefusedBeforeAnyHandler()
    {
        var reply = await _bot.Ask("/liqmap " + new string('b', 200));

        Assert.True(reply.IsError);
        Assert.StartsWith("Too many or too long arguments", reply.Text, StringComparison.Ordinal);
        Assert.True((await _bot.Ask("/zones btc 1 2 3 4 5 6 7 8 9 10")).IsError);
    }

    [Fact]
    public async Task Config_NonAdmin_IsRefusedAndChangesNothing()
    {
        var reply = await _bot.Ask("/config proximity_pct 0.8", admin: false);

        Assert.True(reply.IsError);
        Assert.Equal("Only this chat's admins can use /config.", reply.Text);
        Assert.Equal(0.5, (await _bot.Stores.Subscriptions.GetSettingsAsync(RouterHarness.Group, CancellationToken.None)).ProximityPct);
    }

    [Fact]
    public async Task Config_Admin_SetsTheValueAndSignalsTheChange()
    {
        var before = _bot.Changes.Version;

        var reply = await _bot.Ask("/config proximity_pct 0.8");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(0.8, (await _bot.Stores.Subscriptions.GetSettingsAsync(RouterHarness.Group, CancellationToken.None)).ProximityPct);
        Assert.True(_bot.Changes.Version > before);
    }

    [Fact]
    public async Task Config_OutOfRange_NamesTheRangeAndChangesNothing()
    {
        var reply = await _bot.Ask("/config proximity_pct 50");

        Assert.True(reply.IsError);
        Assert.Contains("0.05", reply.Text, StringComparison.Ordinal);
        Assert.Contains("10", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0.5, (await _bot.Stores.Subscriptions.GetSettingsAsync(RouterHarness.Group, CancellationToken.None)).ProximityPct);
    }

    [Fact]
    public async Task Subscribe_ThenAlerts_ListsTheSubscriptionAndThresholds()
    {
        Assert.False((await _bot.Ask("/subscribe btc sweep")).IsError);
        Assert.False((await _bot.Ask("/subscribe eth")).IsError);

        var alerts = await _bot.Ask("/alerts", admin: false);

        Assert.Contains("- BTCUSDT: sweep", alerts.Text, StringComparison.Ordinal);
        Assert.Contains("- ETHUSDT: proximity, sweep, cascade", alerts.Text, StringComparison.Ordinal);
        Assert.Contains("proximity_pct", alerts.Text, StringComparison.Ordinal);
        var stored = await _bot.Stores.Subscriptions.ListActiveSubscriptionsAsync("BTCUSDT", AlertKinds.All, CancellationToken.None);
        Assert.Equal(AlertKinds.Sweep, Assert.Single(stored).Kinds);
    }

    [Fact]
    public async Task Subscribe_NonAdminInGroup_IsRefused()
    {
        var reply = await _bot.Ask("/subscribe btc", admin: false);

        Assert.True(reply.IsError);
        Assert.Empty(await _bot.Stores.Subscriptions.ListSubscriptionsAsync(RouterHarness.Group, CancellationToken.None));
    }

    [Fact]
    public async Task Unsubscribe_All_RemovesEverySubscription()
    {
        await _bot.Ask("/subscribe btc");
        await _bot.Ask("/subscribe eth");

        var reply = await _bot.Ask("/unsubscribe all");

        Assert.Equal("Unsubscribed from all 2 symbol(s).", reply.Text);
        Assert.Empty(await _bot.Stores.Subscriptions.ListSubscriptionsAsync(RouterHarness.Group, CancellationToken.None));
    }

    [Fact]
    public async Task Help_ListsEveryCommandAndTheSymbols()
    {
        var reply = await _bot.Ask("/help");

        foreach (var name in new[] { "/liqmap <symbol> [window]", "/heatmap", "/zones", "/subscribe", "/unsubscribe", "/alerts", "/config", "/help" })
        {
            Assert.Contains(name, reply.Text, StringComparison.Ordinal);
        }

        Assert.Contains("Symbols: BTCUSDT (btc), ETHUSDT (eth).", reply.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
