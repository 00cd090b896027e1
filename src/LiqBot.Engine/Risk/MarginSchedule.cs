namespace LiqBot.Engine.Risk;

/// <summary>
/// A venue's maintenance-margin tiers for one symbol, smallest cap first, and where they came from
/// ("Bybit risk limits", "configured default"). The tier of a position is the first whose cap holds its size.
/// </summary>
public sealed record MarginSchedule
{
    public MarginSchedule(IEnumerable<MarginTier> tiers, string source)
    {
        Tiers = [.. tiers.Where(t => t.NotionalCap > 0 && t.MaintenanceMarginRate is >= 0 and < 1 && t.MaxLeverage >= 1).OrderBy(t => t.NotionalCap)];
        if (Tiers.Count == 0)
        {
            throw new ArgumentException("A margin schedule needs at least one valid tier.", nameof(tiers));
        }

        Source = source;
    }

    public IReadOnlyList<MarginTier> Tiers { get; }

    public string Source { get; }

    public MarginTier Lowest => Tiers[0];

    /// <summary>One tier for every size up to a cap, at the given rate and leverage limit (a venue whose tiers are not read).</summary>
    public static MarginSchedule Flat(double maintenanceMarginRate, double maxLeverage, string source) =>
        new([new MarginTier(double.MaxValue, maintenanceMarginRate, maxLeverage)], source);

    /// <summary>The tier for a position of <paramref name="sizeUsd"/> (the lowest when no size is given); false when the size is above every cap.</summary>
    public bool TryFor(double? sizeUsd, out MarginTier tier)
    {
        if (sizeUsd is not { } size)
        {
            tier = Lowest;
            return true;
        }

        foreach (var candidate in Tiers)
        {
            if (size <= candidate.NotionalCap)
            {
                tier = candidate;
                return true;
            }
        }

        tier = Tiers[^1];
        return false;
    }
}
