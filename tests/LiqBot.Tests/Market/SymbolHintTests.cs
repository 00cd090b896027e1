using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Tests.Market;

public sealed class SymbolHintTests
{
    private static readonly string[] Listed = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "SOLVUSDT", "SUIUSDT", "DOGEUSDT", "1000PEPEUSDT", "ETHFIUSDT"];

    [Theory]
    [InlineData("solana", "SOL")]
    [InlineData("sool", "SOL")]
    [InlineData("dogecoin", "DOGE")]
    [InlineData("BTCUSD", "BTC")]
    [InlineData("etherium", "ETH")]
    [InlineData("so", "SOL SOLV")]
    [InlineData("pepe", "")]
    [InlineData("xyzzy", "")]
    [InlineData("x", "")]
    public void Closest_FindsPrefixesAndSmallTypos_NearestFirst(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', SymbolHint.Closest(name, Listed)));

    [Theory]
    [InlineData("sol", "SOLUSDT")]
    [InlineData("SOLUSDT", "SOLUSDT")]
    [InlineData("sol-usdt-swap", "SOLUSDT")]
    [InlineData("SOL/USDT", "SOLUSDT")]
    [InlineData("1000pepe", "1000PEPEUSDT")]
    [InlineData("btc", "BTCUSDT")]
    public void TryResolve_AnyListedPerpetual_ByCoinOrVenueName(string name, string expected)
    {
        var listed = new ListedSymbols();
        listed.Set(Venue.Bybit, Listed.ToHashSet());
        var catalog = new SymbolCatalog(["BTCUSDT"], listed);

        Assert.True(catalog.TryResolve(name, out var symbol, out _));
        Assert.Equal(expected, symbol);
    }

    [Fact]
    public void TryResolve_BeforeAnyVenueListed_RefusesWithTheConfiguredOnesAndAHint()
    {
        var catalog = new SymbolCatalog(["BTCUSDT", "ETHUSDT"], new ListedSymbols());

        Assert.False(catalog.TryResolve("bitcoin", out _, out var error));
        Assert.Equal("Unknown symbol 'bitcoin'. Supported: BTCUSDT (btc), ETHUSDT (eth).", error);
        Assert.False(catalog.TryResolve("btcc", out _, out error));
        Assert.Equal("Unknown symbol 'btcc'. Supported: BTCUSDT (btc), ETHUSDT (eth). Did you mean BTC?", error);
    }
}
