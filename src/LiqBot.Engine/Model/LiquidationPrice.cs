using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>Liquidation price of an isolated, linear (USDT-margined) position.</summary>
public static class LiquidationPrice
{
    /// <summary>Long: E x (1 - 1/lev + mmr); short: E x (1 + 1/lev - mmr). Long 10x at 100,000, mmr 0.5 % -> 90,500.</summary>
    public static double Of(PositionSide side, double entry, double leverage, double maintenanceMarginRate) =>
        side == PositionSide.Long
            ? entry * (1.0 - (1.0 / leverage) + maintenanceMarginRate)
            : entry * (1.0 + (1.0 / leverage) - maintenanceMarginRate);
}
