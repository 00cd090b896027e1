using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Tests.Market;

/// <summary>
/// The alert rules watch every venue's book as one: zones of their sum, any venue's price or bar checked
/// against them, cascades over every venue's realized liquidations, and one move seen by several venues is
/// one alert. Each venue opens $50M of 10x longs at 90.5k-90.6k (the summed map: one $150M zone) and of shorts at 109.5k-109.6k.
/// </summary>
public sealed class SymbolMarketAlertTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly AlertThresholds Thresholds = AlertThresholds.Default with
    {
        ProximityPct = 0.5,
        Cooldown = TimeSpan.FromHours(1),
        CascadeUsd = 16_000_000,
        CascadeWindow = TimeSpan.FromMinutes(30),
    };

    [Fact]
    public void Proximity_ZoneOnlyTheSumReaches_FiresOnAnotherVenuesPriceAlone_AndOnceForAllVenues()
    {
        var market = ThreeVenues(AlertKinds.Proximity);

        var alert = Assert.Single(market.Apply(Venue.Okx, Tick(5, 91_000)));
        Assert.Contains("from the long zone 90.4k-90.6k ($150M est.)", alert.Text, StringComparison.Ordinal);

        // The same approach seen in Bybit's and Binance's prices is the same zone, already alerted.
        Assert.Empty(market.Apply(Venue.Bybit, Tick(5.1, 90_980)));
        Assert.Empty(market.Apply(Venue.Binance, Tick(5.2, 90_990)));
    }

    [Fact]
    public void Sweep_BinanceBarThroughTheSummedZone_FiresOnce_AndTheOtherVenuesBarsOfThatMinuteAreEchoes()
    {
        // A low size floor: what the first bar leaves of the zone ($100M) would still be a zone worth a sweep.
        var market = ThreeVenues(AlertKinds.Sweep, minZoneUsd: 40_000_000);
        market.Apply(Venue.Binance, Liquidation(2.5, PositionSide.Long, 3_000_000));
        market.Apply(Venue.Okx, Liquidation(2.6, PositionSide.Long, 1_000_000));

        var sweep = Assert.Single(market.Apply(Venue.Binance, Bar(2, 90_800, low: 90_350)));

        Assert.Contains("through the long zone 90.4k-90.6k: $150M est. swept, $4.0M longs liquidated (reported) in the bar.", sweep.Text, StringComparison.Ordinal);
        Assert.Empty(market.Apply(Venue.Bybit, Bar(2, 90_790, low: 90_340)));
        Assert.Empty(market.Apply(Venue.Okx, Bar(2, 90_810, low: 90_360)));
        Assert.Equal(0, market.BookOf(Venue.Bybit).NotionalBetween(PositionSide.Long, 90_400, 90_600), 3);
    }

    [Fact]
    public void Cascade_CountsEveryVenuesLiquidations_FiresOnce_AndSaysWhatEachVenueSees()
    {
        var market = ThreeVenues(AlertKinds.Cascade);

        Assert.Empty(market.Apply(Venue.Binance, Liquidation(10, PositionSide.Long, 10_000_000)));
        var cascade = Assert.Single(market.Apply(Venue.Okx, Liquidation(11, PositionSide.Short, 7_000_000)));
        Assert.Empty(market.Apply(Venue.Bybit, Liquidation(12, PositionSide.Long, 2_000_000)));

        Assert.Equal(
            "BTCUSDT cascade: $17.0M liquidated in 30m (longs $10.0M, shorts $7.0M), at or above the $16.0M threshold. "
            + "Seen: Bybit $0 complete, Binance $10.0M sampled (at most 1/s per symbol), OKX $7.0M partial; the real total is higher. 2026-06-01 00:11 UTC",
            cascade.Text);
    }

    /// <summary>Three venues, each with $50M of 10x longs and shorts opened at its own price (Binance and OKX at a basis).</summary>
    private static SymbolMarket ThreeVenues(AlertKinds kinds, double minZoneUsd = 120_000_000)
    {
        var options = new ModelOptions { Tiers = [new LeverageTier(10, 1)], BinSize = 100, HalfLife = TimeSpan.FromDays(1_000_000) };
        var market = new SymbolMarket("BTCUSDT", options, [Venue.Bybit, Venue.Binance, Venue.Okx]);
        market.Rules.SetSubscribers([new AlertSubscriber(7, kinds, Thresholds with { MinZoneUsd = minZoneUsd })]);
        foreach (var (venue, price) in new[] { (Venue.Bybit, 100_000.0), (Venue.Binance, 100_030.0), (Venue.Okx, 100_050.0) })
        {
            market.Apply(venue, Bar(0, price, openInterestUsd: 5_000_000_000));
            market.Apply(venue, Bar(1, price, openInterestUsd: 5_050_000_000));
        }

        return market;
    }

    private static BarClosed Bar(int minute, double price, double? low = null, double openInterestUsd = 5_050_000_000) =>
        new("BTCUSDT", new Bar(Start.AddMinutes(minute), TimeSpan.FromMinutes(1), price, price, low ?? price, price, openInterestUsd));

    private static PriceTicked Tick(double minute, double price) => new("BTCUSDT", Start.AddMinutes(minute), price);

    private static LiquidationReported Liquidation(double minute, PositionSide side, double usd) =>
        new("BTCUSDT", new RealizedLiquidation(Start.AddMinutes(minute), side, 95_000, usd));
}
