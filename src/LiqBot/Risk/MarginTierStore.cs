using System.Collections.Concurrent;
using System.Globalization;
using LiqBot.Engine.Model;
using LiqBot.Engine.Risk;
using LiqBot.Exchanges;

namespace LiqBot.Risk;

/// <summary>
/// The tiers read from each venue, per venue and symbol; where none were read (Binance publishes its
/// brackets only to an API key, a replay has no venue, a fetch failed) the model's configured rate,
/// and the schedule's source says so.
/// </summary>
internal sealed class MarginTierStore(ModelOptions model)
{
    /// <summary>The leverage limit of the configured default: Binance's largest on BTCUSDT.</summary>
    public const double DefaultMaxLeverage = 125;

    private readonly ConcurrentDictionary<(Venue Venue, string Symbol), VenueMarginTiers> _tiers = new();

    public void Set(VenueMarginTiers tiers) => _tiers[(tiers.Venue, tiers.Symbol)] = tiers;

    public bool Has(Venue venue, string symbol) => _tiers.ContainsKey((venue, symbol));

    public MarginSchedule Schedule(Venue venue, string symbol, double price)
    {
        if (_tiers.TryGetValue((venue, symbol), out var tiers) && tiers.Tiers.Count > 0)
        {
            return tiers.At(price);
        }

        var why = venue == Venue.Binance ? "Binance brackets need an API key" : venue == Venue.Replay ? "no venue tiers in a replay" : $"{venue.Name} tiers not read";
        return MarginSchedule.Flat(model.MaintenanceMarginRate, DefaultMaxLeverage, string.Create(CultureInfo.InvariantCulture, $"configured default, {why}"));
    }
}
