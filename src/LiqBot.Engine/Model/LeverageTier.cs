namespace LiqBot.Engine.Model;

/// <summary>A leverage level and the share of new notional assumed to open at it.</summary>
public readonly record struct LeverageTier(double Leverage, double Weight)
{
    public string Label => $"{Leverage:0.#}x";
}
