using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Tests.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Tests.Alerts;

/// <summary>
/// The cascade rule over several books judges each moment once: a bar one venue delivers late (the gap
/// backfill after its reconnect, a bar waiting for its open interest) does not take the rule back to an
/// earlier window in which another venue's burst, already alerted, would fire again.
/// </summary>
public sealed class CascadeClockTests
{
    [Fact]
    public void OnBarClosed_LateBarOfAnotherBookAfterTheRuleReArmed_DoesNotFireTheSameBurstAgain()
    {
        var (bybit, binance, rules) = TwoBooks();
        Assert.Single(rules.OnLiquidation(bybit, new RealizedLiquidation(AlertFixture.Minute(10), PositionSide.Long, 95_000, 17_000_000)));
        Assert.Empty(rules.OnLiquidation(bybit, new RealizedLiquidation(AlertFixture.Minute(71), PositionSide.Long, 95_000, 100_000))); // calm, cooldown over: re-armed

        // Binance comes back from an outage and backfills the minutes it missed; one closes 10 minutes after the burst.
        Assert.Empty(rules.OnBarClosed(binance, Bars.At(19, 100_000, 5_100_000_000)));
    }

    [Fact]
    public void OnLiquidation_LateLiquidationOfAnotherBook_CountsAtTheLatestMoment()
    {
        var (bybit, binance, rules) = TwoBooks();
        Assert.Empty(rules.OnLiquidation(bybit, new RealizedLiquidation(AlertFixture.Minute(20), PositionSide.Long, 95_000, 10_000_000)));

        // Binance's liquidation of minute 19 comes after Bybit's of minute 20: both are within the window of minute 20.
        var cascade = Assert.Single(rules.OnLiquidation(binance, new RealizedLiquidation(AlertFixture.Minute(19), PositionSide.Long, 95_000, 7_000_000)));
        Assert.EndsWith("2026-06-01 00:20 UTC", cascade.Text, StringComparison.Ordinal);
    }

    private static (LiquidationBook Bybit, LiquidationBook Binance, SymbolAlertRules Rules) TwoBooks()
    {
        var options = new ModelOptions { Tiers = [new LeverageTier(10, 1)], BinSize = 100, HalfLife = TimeSpan.FromDays(1_000_000) };
        var bybit = new LiquidationBook("BTCUSDT", options);
        var binance = new LiquidationBook("BTCUSDT", options);
        var rules = new SymbolAlertRules([new AlertBook("Bybit", "complete", true, bybit), new AlertBook("Binance", "sampled", false, binance)], new ZoneOptions { ResolutionPct = 0.1 });
        rules.SetSubscribers([new AlertSubscriber(9, AlertKinds.Cascade, AlertFixture.Thresholds)]);
        foreach (var book in new[] { bybit, binance })
        {
            rules.OnBarClosed(book, Bars.At(0, 100_000, 5_000_000_000));
            rules.OnBarClosed(book, Bars.At(1, 100_000, 5_100_000_000));
        }

        return (bybit, binance, rules);
    }
}
