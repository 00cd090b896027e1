using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Tests.Market;

/// <summary>One book per venue, each on its own prices; the aggregate map sums them on one grid.</summary>
public sealed class SymbolMarketTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TwoVenues_OpenAtTheirOwnPrices_AndTheAggregateIsTheSumOfTheirBins()
    {
        var market = new SymbolMarket("BTCUSDT", new ModelOptions(), [Venue.Bybit, Venue.Binance]);
        for (var minute = 0; minute < 60; minute++)
        {
            market.Apply(Venue.Bybit, new BarClosed("BTCUSDT", Bar(minute, 60_000, 1e9 + (minute * 1e6))));
            market.Apply(Venue.Binance, new BarClosed("BTCUSDT", Bar(minute, 60_250, 2e9 + (minute * 3e6))));
        }

        market.Apply(Venue.Binance, new LiquidationReported("BTCUSDT", new RealizedLiquidation(Start.AddMinutes(30), PositionSide.Long, 60_000, 5_000)));
        market.Apply(Venue.Bybit, new LiquidationReported("BTCUSDT", new RealizedLiquidation(Start.AddMinutes(31), PositionSide.Short, 60_100, 7_000)));

        var (bybit, _) = market.Read(TimeWindow.H24, withHeatmap: false, Venue.Bybit);
        var (binance, _) = market.Read(TimeWindow.H24, withHeatmap: false, Venue.Binance);
        var (both, heatmap) = market.Read(TimeWindow.H24, withHeatmap: true);

        Assert.Equal(Math.Max(bybit.BinSize, binance.BinSize), both.BinSize);
        foreach (var side in new[] { PositionSide.Long, PositionSide.Short })
        {
            Assert.Equal(bybit.Totals(side).Sum() + binance.Totals(side).Sum(), both.Totals(side).Sum(), 3);
        }

        // The venues' prices differ by basis: each venue's levels sit at its own entry prices.
        Assert.NotEqual(Peak(bybit), Peak(binance));
        Assert.Equal(2, heatmap!.Realized.Count);
        Assert.Equal([Venue.Bybit, Venue.Binance], market.VenuesIn(null));
        Assert.Equal("Binance+Bybit no data yet", both.Source);
        Assert.Equal(1, market.Book.RealizedAfter(Start, Start.AddHours(1)).ShortUsd > 0 ? 1 : 0);
    }

    private static double Peak(BookSnapshot book)
    {
        var totals = book.Totals(PositionSide.Long);
        return book.BinMid(Array.IndexOf(totals, totals.Max()));
    }

    private static Bar Bar(int minute, double price, double openInterestUsd) =>
        new(Start.AddMinutes(minute), TimeSpan.FromMinutes(1), price, price + 20, price - 20, price + (minute % 3), openInterestUsd, Vwap: price);
}
