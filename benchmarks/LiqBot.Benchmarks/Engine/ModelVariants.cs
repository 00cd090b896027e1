using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Benchmarks.Engine;

/// <summary>The model variants tried against the shifted-OI null (issue 15), each a ModelOptions from the defaults.</summary>
internal static class ModelVariants
{
    private static readonly ModelOptions Defaults = new();

    public static IReadOnlyList<(string Name, ModelOptions Options)> All { get; } =
    [
        ("defaults", Defaults),
        ("price direction 0.5", Defaults with { PriceDirectionShare = 0.5 }),
        ("price direction 1.0", Defaults with { PriceDirectionShare = 1.0 }),
        ("entries over range", Defaults with { SpreadEntriesOverRange = true }),
        ("fresh: 25-100x, half-life 8h", Defaults with { Tiers = [new(25, 0.4), new(50, 0.4), new(100, 0.2)], HalfLife = TimeSpan.FromHours(8) }),
        ("fresh: 25-100x, half-life 1d", Defaults with { Tiers = [new(25, 0.4), new(50, 0.4), new(100, 0.2)], HalfLife = TimeSpan.FromDays(1) }),
        ("default tiers, half-life 8h", Defaults with { HalfLife = TimeSpan.FromHours(8) }),
        ("default tiers, half-life 30d", Defaults with { HalfLife = TimeSpan.FromDays(30) }),
        ("fresh: 50-150x, half-life 4h", Defaults with { Tiers = [new(50, 1), new(100, 1), new(150, 1)], HalfLife = TimeSpan.FromHours(4) }),
        ("fresh: 50-150x, half-life 12h", Defaults with { Tiers = [new(50, 1), new(100, 1), new(150, 1)], HalfLife = TimeSpan.FromHours(12) }),
        ("fresh: 100-200x, half-life 4h", Defaults with { Tiers = [new(100, 1), new(150, 1), new(200, 1)], HalfLife = TimeSpan.FromHours(4) }),
        ("default tiers + 150x, half-life 4h", Defaults with { Tiers = [.. ModelOptions.DefaultTiers, new(150, 0.3)], HalfLife = TimeSpan.FromHours(4) }),
        ("mix: defaults + 150x (0.3) at 4h", Defaults with { Tiers = [.. ModelOptions.DefaultTiers, new(150, 0.3, TimeSpan.FromHours(4))] }),
        ("mix: defaults + 150x (0.3) at 12h", Defaults with { Tiers = [.. ModelOptions.DefaultTiers, new(150, 0.3, TimeSpan.FromHours(12))] }),
        ("mix: defaults + 150x (1.0) at 4h", Defaults with { Tiers = [.. ModelOptions.DefaultTiers, new(150, 1.0, TimeSpan.FromHours(4))] }),
        ("mix: half-life 35d / leverage", Defaults with { Tiers = [.. ModelOptions.DefaultTiers.Select(t => t with { HalfLife = TimeSpan.FromDays(35 / t.Leverage) })] }),
        ("mix: defaults + short 150x (0.1) 4h", Defaults with { Tiers = [.. ModelOptions.DefaultTiers, new(150, 0.1, TimeSpan.FromHours(4), PositionSide.Short)] }),
        ("mix: defaults + short 150x (0.3) 4h", Defaults with { Tiers = [.. ModelOptions.DefaultTiers, new(150, 0.3, TimeSpan.FromHours(4), PositionSide.Short)] }),
        ("mix: defaults + short 100x (0.3) 4h", Defaults with { Tiers = [.. ModelOptions.DefaultTiers, new(100, 0.3, TimeSpan.FromHours(4), PositionSide.Short)] }),
        ("adverse closing 0.5", Defaults with { AdverseCloseShare = 0.5 }),
        ("adverse closing 1.0", Defaults with { AdverseCloseShare = 1.0 }),
        ("direction 1.0 + entries + 1d", Defaults with { PriceDirectionShare = 1.0, SpreadEntriesOverRange = true, HalfLife = TimeSpan.FromDays(1) }),
    ];
}
