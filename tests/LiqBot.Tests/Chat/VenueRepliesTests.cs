using LiqBot.Exchanges;

namespace LiqBot.Tests.Chat;

/// <summary>Replies name the venues behind a map, take one venue as a word, and name a venue that is down.</summary>
public sealed class VenueRepliesTests : IDisposable
{
    private readonly RouterHarness _bot = new([Venue.Bybit, Venue.Binance, Venue.Okx]);

    [Fact]
    public async Task Zones_NamesEveryVenueInTheSum_AndOneVenueWhenAsked()
    {
        var all = await _bot.Ask("/zones btc 24h");
        var okx = await _bot.Ask("/zones btc 7d okx");
        var binance = await _bot.Ask("/liqmap btc binance");

        Assert.StartsWith("BTCUSDT 24h, Binance+Bybit+OKX, price ", all.Text, StringComparison.Ordinal);
        Assert.StartsWith("BTCUSDT 7d, OKX, price ", okx.Text, StringComparison.Ordinal);
        Assert.Contains(", Binance, price ", binance.Text, StringComparison.Ordinal);
        Assert.NotNull(binance.Image);
    }

    [Fact]
    public void TheSum_HoldsThreeTimesOneVenue_WhenTheVenuesSawTheSameBars()
    {
        var btc = _bot.Markets.Find("BTCUSDT")!;

        var (sum, _) = btc.Read(Engine.Model.TimeWindow.H24, withHeatmap: false);
        var (one, _) = btc.Read(Engine.Model.TimeWindow.H24, withHeatmap: false, Venue.Okx);

        Assert.Equal(3 * one.Totals(Engine.Market.PositionSide.Long).Sum(), sum.Totals(Engine.Market.PositionSide.Long).Sum(), 3);
    }

    [Fact]
    public async Task UnknownVenueOrWindow_IsRefusedWithTheChoices()
    {
        var reply = await _bot.Ask("/zones btc 24h kraken");

        Assert.True(reply.IsError);
        Assert.Contains("Unknown window or venue 'kraken'", reply.Text, StringComparison.Ordinal);
        Assert.Contains("bybit, binance, okx", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVenueDown_IsNamedInTheReply()
    {
        var btc = _bot.Markets.Find("BTCUSDT")!;
        lock (btc.Gate)
        {
            btc.Unavailable = "OKX stale since 12:04 UTC (pong timeout)";
        }

        var reply = await _bot.Ask("/zones btc");

        Assert.Contains("OKX stale since 12:04 UTC", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpAndHeatmap_SayWhichVenuesRealizedLiquidationsAreComplete()
    {
        var help = await _bot.Ask("/help");
        var heatmap = await _bot.Ask("/heatmap btc 24h");

        Assert.Contains("realized liquidations: Binance sampled (at most 1/s per symbol), Bybit complete, OKX partial", help.Text, StringComparison.Ordinal);
        Assert.Contains("/liqmap <symbol> [window] [venue]", help.Text, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT heatmap 24h, Binance+Bybit+OKX, price", heatmap.Text, StringComparison.Ordinal);
        Assert.Contains("Bybit complete", heatmap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heatmap_NamesTheVenuesThatWereDownInItsWindow_InTheSumAndAlone()
    {
        var btc = _bot.Markets.Find("BTCUSDT")!;
        var (_, shown) = btc.Read(Engine.Model.TimeWindow.H24, withHeatmap: true);
        var at = shown!.To.AddHours(-3);
        lock (btc.Gate)
        {
            btc.BookOf(Venue.Binance).Outages.Record(new Engine.Model.FeedOutage(at, at.AddMinutes(5), "Binance", "pong timeout"));
            btc.BookOf(Venue.Okx).Outages.Record(new Engine.Model.FeedOutage(at.AddMinutes(30), null, "OKX", "connecting"));
            btc.BookOf(Venue.Okx).Outages.Record(new Engine.Model.FeedOutage(shown.From.AddDays(-2), shown.From.AddDays(-1), "OKX"));
        }

        var (_, sum) = btc.Read(Engine.Model.TimeWindow.H24, withHeatmap: true);
        var all = await _bot.Ask("/heatmap btc 24h");
        var bybit = await _bot.Ask("/heatmap btc 24h bybit");
        var zones = await _bot.Ask("/zones btc 24h");

        Assert.Equal(["Binance", "OKX"], sum!.Gaps.Select(o => o.Venue));
        var spans = $"Binance down {at:HH:mm}-{at.AddMinutes(5):HH:mm} UTC; OKX down since {at.AddMinutes(30):HH:mm} UTC";
        Assert.Contains($"(Liquidations missing for good, so the points undercount: {spans}.)", all.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Liquidations missing", bybit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Liquidations missing", zones.Text, StringComparison.Ordinal); // zones count no realized liquidations
    }

    public void Dispose() => _bot.Dispose();
}
