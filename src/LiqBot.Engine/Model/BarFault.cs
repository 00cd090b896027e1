namespace LiqBot.Engine.Model;

/// <summary>What is wrong with a bar that cannot be used (<see cref="BarCheck"/>).</summary>
public enum BarFault
{
    NonPositiveDuration,
    BadPrice,
    OutsideRange,
    BadOpenInterest,
    BadVwap,
    BadVolume,
}
