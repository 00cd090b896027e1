using LiqBot.Engine.Market;

namespace LiqBot.Engine.Tests.Model;

/// <summary>Builds test bars: one minute each from a fixed start, flat unless told otherwise.</summary>
internal static class Bars
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static Bar At(int minute, double price, double openInterestUsd, double? low = null, double? high = null, double? longLiquidated = null, double? shortLiquidated = null) =>
        new(
            Start.AddMinutes(minute),
            TimeSpan.FromMinutes(1),
            price,
            high ?? price,
            low ?? price,
            price,
            openInterestUsd,
            LiquidatedLongUsd: longLiquidated,
            LiquidatedShortUsd: shortLiquidated);
}
