using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>
/// A leverage level and the share of new notional assumed to open at it. HalfLife, when set,
/// replaces the model's half-life for this tier (high leverage is closed or stopped out sooner);
/// Side, when set, opens the tier on that side only.
/// </summary>
public readonly record struct LeverageTier(double Leverage, double Weight, TimeSpan? HalfLife = null, PositionSide? Side = null)
{
    public string Label => $"{Leverage:0.#}x";
}
