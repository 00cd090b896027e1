using System.Globalization;
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
            .Select(t => new LeverageTier(Number(t, "Leverage", double.NaN), Number(t, "Weight", double.NaN)))
            .ToList();
        var options = defaults with
        {
            Tiers = tiers.Count > 0 ? tiers : defaults.Tiers,
            MaintenanceMarginRate = Number(section, "MaintenanceMarginRate", defaults.MaintenanceMarginRate),
            BinSize = section["BinSize"] is { Length: > 0 } ? Number(section, "BinSize", double.NaN) : null,
            HalfLife = section["HalfLife"] is { Length: > 0 } text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var halfLife) ? halfLife
                : section["HalfLife"] is { Length: > 0 } ? throw new InvalidOperationException($"Model:HalfLife '{section["HalfLife"]}' is not a duration like 7.00:00:00.") : defaults.HalfLife,
            AggressorExtraShare = Number(section, "AggressorExtraShare", defaults.AggressorExtraShare),
            HeatmapColumns = (int)Number(section, "HeatmapColumns", defaults.HeatmapColumns),
        };
        var errors = options.Validate();
        return errors.Count == 0 ? options : throw new InvalidOperationException(string.Join(" ", errors));
    }

    private static double Number(IConfiguration section, string key, double fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{(section as IConfigurationSection)?.Path}:{key} '{text}' is not a number.");
    }
}
