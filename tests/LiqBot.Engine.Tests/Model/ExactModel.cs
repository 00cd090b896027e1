using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Model;

/// <summary>One 10x tier, $100 bins and no decay worth speaking of, so sums can be checked to the dollar.</summary>
internal static class ExactModel
{
    public static readonly ModelOptions Options = new()
    {
        Tiers = [new LeverageTier(10, 1)],
        BinSize = 100,
        HalfLife = TimeSpan.FromDays(1_000_000),
    };
}
