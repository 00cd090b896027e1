namespace LiqBot.Engine.Risk;

/// <summary>
/// One maintenance-margin tier of a venue's risk limits: positions up to NotionalCap (USD) keep
/// MaintenanceMarginRate (0.005 = 0.5 %) and may use up to MaxLeverage.
/// </summary>
public readonly record struct MarginTier(double NotionalCap, double MaintenanceMarginRate, double MaxLeverage);
