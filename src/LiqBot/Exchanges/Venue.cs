namespace LiqBot.Exchanges;

/// <summary>A market the bot reads: its configuration key, the name users see, and what its liquidation stream shows.</summary>
public sealed record Venue(string Key, string Name, LiquidationCoverage Liquidations)
{
    public static readonly Venue Bybit = new("bybit", "Bybit", LiquidationCoverage.Complete);

    public static readonly Venue Binance = new("binance", "Binance", LiquidationCoverage.Sampled);

    public static readonly Venue Okx = new("okx", "OKX", LiquidationCoverage.Partial);

    /// <summary>A replayed file: whatever it recorded, as one venue.</summary>
    public static readonly Venue Replay = new("replay", "replay", LiquidationCoverage.Complete);

    public static IReadOnlyList<Venue> Live { get; } = [Bybit, Binance, Okx];

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Venue? venue)
    {
        venue = Live.FirstOrDefault(v => string.Equals(v.Key, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return venue is not null;
    }

    /// <summary>"Binance+Bybit+OKX": names in alphabetical order, as traders list them.</summary>
    public static string Join(IEnumerable<Venue> venues) => string.Join("+", venues.Select(v => v.Name).Order(StringComparer.OrdinalIgnoreCase));

    /// <summary>"complete", "sampled (at most 1/s per symbol)", "partial".</summary>
    public string CoverageText => Liquidations switch
    {
        LiquidationCoverage.Complete => "complete",
        LiquidationCoverage.Sampled => "sampled (at most 1/s per symbol)",
        _ => "partial",
    };
}
