using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;
using LiqBot.Engine.Tests.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Tests.Alerts;

/// <summary>
/// A book with one long zone at 90,500-90,600 ($100M) and one short zone at 109,500-109,600,
/// and alert rules over it with the given subscribers.
/// </summary>
internal static class AlertFixture
{
    public static readonly AlertThresholds Thresholds = AlertThresholds.Default with
    {
        ProximityPct = 0.5,
        MinZoneUsd = 1_000_000,
        Cooldown = TimeSpan.FromHours(1),
        CascadeUsd = 16_000_000,
        CascadeWindow = TimeSpan.FromMinutes(30),
    };

    public static (LiquidationBook Book, SymbolAlertRules Rules) Create(params AlertSubscriber[] subscribers)
    {
        var book = new LiquidationBook("BTCUSDT", new ModelOptions { Tiers = [new LeverageTier(10, 1)], BinSize = 100, HalfLife = TimeSpan.FromDays(1_000_000) });
        var rules = new SymbolAlertRules(book, new ZoneOptions { ResolutionPct = 0.1 });
        rules.SetSubscribers(subscribers);
        rules.OnBarClosed(Bars.At(0, 100_000, 5_000_000_000));
        rules.OnBarClosed(Bars.At(1, 100_000, 5_100_000_000));
        return (book, rules);
    }

    public static DateTimeOffset Minute(double minutes) => Bars.Start.AddMinutes(minutes);
}
