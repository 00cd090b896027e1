namespace LiqBot.Engine.Market;

/// <summary>One public trade; <paramref name="TakerIsBuyer"/> tells the aggressor side.</summary>
public readonly record struct PublicTrade(DateTimeOffset Time, double Price, double Quantity, bool TakerIsBuyer)
{
    public double NotionalUsd => Price * Quantity;
}
