namespace LiqBot.Engine.Model;

/// <summary>Every parameter of the estimation model, with the defaults of design.md.</summary>
public sealed record ModelOptions
{
    public static IReadOnlyList<LeverageTier> DefaultTiers { get; } =
    [
        new(5, 0.15),
        new(10, 0.30),
        new(25, 0.25),
        new(50, 0.20),
        new(100, 0.10),
    ];

    /// <summary>Leverage tiers and their weights; weights are normalised to sum to one.</summary>
    public IReadOnlyList<LeverageTier> Tiers { get; init; } = DefaultTiers;

    /// <summary>Maintenance margin rate of the symbol's lowest risk tier (BTCUSDT: 0.5 %).</summary>
    public double MaintenanceMarginRate { get; init; } = 0.005;

    /// <summary>Price bin width in dollars; null picks about 0.1 % of the first price, rounded to 1, 2 or 5 x 10^k.</summary>
    public double? BinSize { get; init; }

    /// <summary>Cohorts lose half their weight every half-life (positions closed without showing in OI).</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// When taker volumes are known, the aggressor's side opens dOI x (1 + share x imbalance) and the
    /// other side dOI x (1 - share x imbalance), imbalance in [-1, 1]. Zero keeps both sides equal.
    /// </summary>
    public double AggressorExtraShare { get; init; }

    /// <summary>
    /// Without taker volumes, the side the bar moved toward opens dOI x (1 + share x direction) and the
    /// other dOI x (1 - share x direction), direction = (close - open) / (high - low). Zero keeps both sides equal.
    /// </summary>
    public double PriceDirectionShare { get; init; }

    /// <summary>
    /// An OI drop closes more of the side the bar moved against: shorts lose the drop x (1 + share x
    /// direction), longs x (1 - share x direction), direction = (close - open) / (high - low). Zero closes both alike.
    /// </summary>
    public double AdverseCloseShare { get; init; }

    /// <summary>New positions enter in equal thirds at the bar's low, typical price and high instead of at one price.</summary>
    public bool SpreadEntriesOverRange { get; init; }

    /// <summary>Heatmap columns kept per window, whatever the length of the history.</summary>
    public int HeatmapColumns { get; init; } = 400;

    /// <summary>Realized liquidations kept as points (a ring buffer; the oldest go first).</summary>
    public int MaxRealizedPoints { get; init; } = 262_144;

    /// <summary>Returns one message per invalid value, naming the parameter.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Tiers.Count == 0)
        {
            errors.Add("Model:Tiers must name at least one leverage tier.");
        }

        foreach (var tier in Tiers)
        {
            if (tier.Leverage is < 1 or > 200 || double.IsNaN(tier.Leverage))
            {
                errors.Add($"Model:Tiers leverage {tier.Leverage} is outside 1..200.");
            }

            if (tier.Weight is < 0 || double.IsNaN(tier.Weight))
            {
                errors.Add($"Model:Tiers weight {tier.Weight} must be zero or positive.");
            }

            if (tier.HalfLife is { } tierHalfLife && tierHalfLife <= TimeSpan.Zero)
            {
                errors.Add($"Model:Tiers half-life {tierHalfLife} of the {tier.Label} tier must be positive.");
            }
        }

        if (Tiers.Count > 0 && Tiers.Sum(t => t.Weight) <= 0)
        {
            errors.Add("Model:Tiers weights must not all be zero.");
        }

        if (MaintenanceMarginRate is < 0 or >= 0.5 || double.IsNaN(MaintenanceMarginRate))
        {
            errors.Add($"Model:MaintenanceMarginRate {MaintenanceMarginRate} is outside [0, 0.5).");
        }

        if (BinSize is { } bin && (bin <= 0 || double.IsNaN(bin) || double.IsInfinity(bin)))
        {
            errors.Add($"Model:BinSize {bin} must be a positive number of dollars.");
        }

        if (HalfLife <= TimeSpan.Zero)
        {
            errors.Add("Model:HalfLife must be positive.");
        }

        if (AggressorExtraShare is < 0 or > 1 || double.IsNaN(AggressorExtraShare))
        {
            errors.Add($"Model:AggressorExtraShare {AggressorExtraShare} is outside [0, 1].");
        }

        if (PriceDirectionShare is < 0 or > 1 || double.IsNaN(PriceDirectionShare))
        {
            errors.Add($"Model:PriceDirectionShare {PriceDirectionShare} is outside [0, 1].");
        }

        if (AdverseCloseShare is < 0 or > 1 || double.IsNaN(AdverseCloseShare))
        {
            errors.Add($"Model:AdverseCloseShare {AdverseCloseShare} is outside [0, 1].");
        }

        if (HeatmapColumns is < 10 or > 4000)
        {
            errors.Add($"Model:HeatmapColumns {HeatmapColumns} is outside 10..4000.");
        }

        if (MaxRealizedPoints is < 16 or > 16_777_216)
        {
            errors.Add($"Model:MaxRealizedPoints {MaxRealizedPoints} is outside 16..16777216.");
        }

        return errors;
    }
}
