using System.Globalization;
using LiqBot.Chat;
using LiqBot.Chat.Commands;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Risk;
using LiqBot.Exchanges;
using LiqBot.Risk;

namespace LiqBot.Tests.Chat;

/// <summary>/risk over the replayed sample: the level, the path sums from the book of that moment, the image, and one line per mistake.</summary>
public sealed class RiskCommandTests : IDisposable
{
    private readonly RouterHarness _bot = new([Venue.Bybit, Venue.Binance, Venue.Okx]);

    private BookSnapshot Book(Venue? venue = null) => _bot.Markets.Find("BTCUSDT")!.Read(TimeWindow.H24, withHeatmap: false, venue).Book;

    [Fact]
    public async Task Risk_Long_SaysLevelAndPathSumsOfTheBook()
    {
        var book = Book();
        var entry = Math.Round(book.Price);

        var reply = await _bot.Ask($"/risk btc long 20x {entry.ToString(CultureInfo.InvariantCulture)}");

        var level = entry * (1 - (1.0 / 20) + 0.005);
        var onPath = LiquidationPath.Between(book, PositionSide.Long, level, book.Price);
        Assert.False(reply.IsError, reply.Text);
        Assert.StartsWith($"Long 20x from {Engine.Formatting.MoneyFormat.PriceExact(entry)}: liquidated at {Engine.Formatting.MoneyFormat.PriceExact(level)} (-", reply.Text, StringComparison.Ordinal);
        Assert.Contains("mmr 0.50 %, configured default, Bybit tiers not read", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"On the way: {Engine.Formatting.MoneyFormat.Usd(onPath)} est. of long liquidations", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nearest shorts above:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Map: BTCUSDT 24h, Binance+Bybit+OKX, estimated.", reply.Text, StringComparison.Ordinal);
        Assert.True(onPath > 0);
        var image = Assert.IsType<ChatImage>(reply.Image);
        Assert.Equal("risk-BTCUSDT.png", image.FileName);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], image.Png[..4]);
    }

    [Fact]
    public async Task Risk_WithSizeAndVenue_UsesThatVenuesTierForTheSize()
    {
        _bot.Tiers.Set(new VenueMarginTiers(Venue.Bybit, "BTCUSDT", [new MarginTier(2_000_000, 0.005, 100), new MarginTier(4_000_000, 0.01, 50)], CapsInBaseCoin: false, "Bybit risk limits"));
        var book = Book(Venue.Bybit);
        var entry = Math.Round(book.Price);

        var reply = await _bot.Ask($"/risk btc short 10 {entry.ToString(CultureInfo.InvariantCulture)} 3m bybit");
        var tooHigh = await _bot.Ask($"/risk btc short 60x {entry.ToString(CultureInfo.InvariantCulture)} 3m bybit");

        Assert.Contains($"liquidated at {Engine.Formatting.MoneyFormat.PriceExact(entry * (1 + 0.1 - 0.01))} (+", reply.Text, StringComparison.Ordinal);
        Assert.Contains("mmr 1.00 %, Bybit risk limits, tier up to $4.0M", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Map: BTCUSDT 24h, Bybit, estimated.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Leverage must be between 1x and 50x (Bybit risk limits at that size).", tooHigh.Text);
    }

    [Fact]
    public async Task Risk_Binance_SaysItsBracketsNeedAKey()
    {
        var entry = Math.Round(Book(Venue.Binance).Price);

        var reply = await _bot.Ask($"/risk btc long 10 {entry.ToString(CultureInfo.InvariantCulture)} binance");

        Assert.Contains("mmr 0.50 %, configured default, Binance brackets need an API key", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/risk btc long 20x", RiskArguments.Usage)]
    [InlineData("/risk doge long 20x 1", "Unknown symbol")]
    [InlineData("/risk btc up 20x 64000", "Side must be long or short, not 'up'.")]
    [InlineData("/risk btc long twenty 64000", "Leverage must be a number like 20x, not 'twenty'.")]
    [InlineData("/risk btc long 0.5x 64000", "Leverage must be between 1x and 125x (configured default, Bybit tiers not read).")]
    [InlineData("/risk btc long 200x 64000", "Leverage must be between 1x and 125x")]
    [InlineData("/risk btc long 20x abc", "Entry must be a price like 64000 or 64.5k, not 'abc'.")]
    [InlineData("/risk btc long 20x 0", "Entry must be a positive price.")]
    [InlineData("/risk btc long 20x 1000000", "is more than 50 % from the price")]
    [InlineData("/risk btc long 20x 64000 -5", "is neither a size in USD")]
    [InlineData("/risk btc long 20x 64000 0", "Size must be a positive USD amount, e.g. 25k.")]
    [InlineData("/risk btc long 20x 64000 kraken", "is neither a size in USD")]
    [InlineData("/risk btc long 20x 64000 cross", "Cross margin cannot be estimated")]
    public async Task Risk_BadInput_OneSpecificLine(string line, string expected)
    {
        var reply = await _bot.Ask(line);

        Assert.True(reply.IsError, reply.Text);
        Assert.Null(reply.Image);
        Assert.DoesNotContain('\n', reply.Text);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_ShortLiquidatingBelowThePrice_CannotBe()
    {
        var price = Book().Price;
        var entry = Math.Round(price * 0.8);

        var reply = await _bot.Ask($"/risk btc short 10 {entry.ToString(CultureInfo.InvariantCulture)}");

        Assert.True(reply.IsError);
        Assert.StartsWith($"Cannot be: a short 10x from {Engine.Formatting.MoneyFormat.PriceExact(entry)} liquidates at", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_NoDataYet_SaysSo()
    {
        var reply = await _bot.Ask("/risk eth long 10 3000");

        Assert.Equal("ETHUSDT: waiting for market data, try again in a minute.", reply.Text);
    }

    public void Dispose() => _bot.Dispose();
}
