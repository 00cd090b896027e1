using System.Globalization;

namespace LiqBot.Engine.Formatting;

/// <summary>Money and prices the way traders write them: $412M, $1.2B, 91.2k, -2.4 %.</summary>
public static class MarketText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>$850, $12.5k, $1.2M, $412M, $3.1B.</summary>
    public static string Usd(double usd)
    {
        var sign = usd < 0 ? "-" : string.Empty;
        var value = Math.Abs(usd);
        return value switch
        {
            >= 1e9 => $"{sign}${Scaled(value / 1e9)}B",
            >= 1e6 => $"{sign}${Scaled(value / 1e6)}M",
            >= 1e3 => $"{sign}${Scaled(value / 1e3)}k",
            _ => $"{sign}${value.ToString("0", Invariant)}",
        };
    }

    /// <summary>
    /// A price to the precision a step needs: 91.2k (step 100), 91.25k (step 50), 3,412 (step 2), 0.3512.
    /// Prices of 10,000 and more are written in thousands.
    /// </summary>
    public static string Price(double price, double step)
    {
        if (price >= 10_000)
        {
            var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(step / 1000.0) - 1e-9), 1, 3);
            return (price / 1000.0).ToString("F" + decimals, Invariant) + "k";
        }

        var places = Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 8);
        return price.ToString("N" + places, Invariant);
    }

    /// <summary>A signed percentage with one decimal: -2.4 %, +3.1 %.</summary>
    public static string Percent(double percent) => percent.ToString("+0.0;-0.0;0.0", Invariant) + " %";

    private static string Scaled(double value) => value >= 100 ? value.ToString("0", Invariant) : value.ToString("0.#", Invariant);
}
