namespace LiqBot.Engine.Model;

/// <summary>What one bar did to the book: the estimated levels it swept, per side, largest first not implied.</summary>
public sealed record BarOutcome(DateTimeOffset Time, double SweptLongUsd, double SweptShortUsd, IReadOnlyList<SweptLevel> Swept, bool Ignored)
{
    public static BarOutcome Skipped(DateTimeOffset time) => new(time, 0, 0, [], Ignored: true);
}
