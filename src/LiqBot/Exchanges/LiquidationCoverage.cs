namespace LiqBot.Exchanges;

/// <summary>How much of a venue's realized liquidations its public stream shows.</summary>
public enum LiquidationCoverage
{
    /// <summary>Every liquidation (Bybit allLiquidation).</summary>
    Complete,

    /// <summary>At most one a second per symbol (Binance forceOrder).</summary>
    Sampled,

    /// <summary>A part, by the venue's own word (OKX liquidation-orders).</summary>
    Partial,
}
