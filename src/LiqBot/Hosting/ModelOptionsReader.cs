using System.Globalization;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using Microsoft.Extensions.Configuration;

namespace LiqBot.Hosting;

/// <summary>Reads section "Model" into the engine's ModelOptions (the engine knows no configuration); a bad value names its key.</summary>
internal static class ModelOptionsReader
{
    public static ModelOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Model");
        var defaults = new ModelOptions();
        var tiers = section.GetSection("Tiers").GetChildren()
            .Select(t => new LeverageTier(Number(t, "Leverage", double.NaN), Number(t, "Weight", double.NaN), OptionalDuration(t, "HalfLife"), OptionalSide(t, "Side")))
            .ToList();
        var options = defaults with
        {
            Tiers = tiers.Count > 0 ? tiers : defaults.Tiers,
            MaintenanceMarginRate = Number(section, "MaintenanceMarginRate", defaults.MaintenanceMarginRate),
            BinSize = section["BinSize"] is { Length: > 0 } ? Number(section, "BinSize", double.NaN) : null,
            HalfLife = OptionalDuration(section, "HalfLife") ?? defaults.HalfLife,
            AggressorExtraShare = Number(section, "AggressorExtraShare", defaults.AggressorExtraShare),
            PriceDirectionShare = Number(section, "PriceDirectionShare", defaults.PriceDirectionShare),
            AdverseCloseShare = Number(section, "AdverseCloseShare", defaults.AdverseCloseShare),
            SpreadEntriesOverRange = Flag(section, "SpreadEntriesOverRange", defaults.SpreadEntriesOverRange),
            HeatmapColumns = (int)Number(section, "HeatmapColumns", defaults.HeatmapColumns),
        };
        var errors = options.Validate();
        return errors.Count == 0 ? options : throw new InvalidOperationException(string.Join(" ", errors));
    }

    private static TimeSpan? OptionalDuration(IConfiguration section, string key) =>
        section[key] is not { Length: > 0 } text ? null
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
            : throw new InvalidOperationException($"{PathOf(section, key)} '{text}' is not a duration like 7.00:00:00.");

    private static PositionSide? OptionalSide(IConfiguration section, string key) =>
        section[key] is not { Length: > 0 } text ? null
            : Enum.TryParse<PositionSide>(text, ignoreCase: true, out var side) && Enum.IsDefined(side) ? side
            : throw new InvalidOperationException($"{PathOf(section, key)} '{text}' is not long or short.");

    private static bool Flag(IConfiguration section, string key, bool fallback) =>
        section[key] is not { Length: > 0 } text ? fallback
            : bool.TryParse(text, out var value) ? value
            : throw new InvalidOperationException($"{PathOf(section, key)} '{text}' is not true or false.");

    private static string PathOf(IConfiguration section, string key) => $"{(section as IConfigurationSection)?.Path}:{key}";

    private static double Number(IConfiguration section, string key, double fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{PathOf(section, key)} '{text}' is not a number.");
    }
}
