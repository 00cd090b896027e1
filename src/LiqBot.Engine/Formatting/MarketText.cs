using System.Globalization;

namespace LiqBot.Engine.Formatting;

/// <summary>Prices to the precision a step needs, and signed percentages: 91.2k, 91.25k, 3,412, -2.4 %. Money is <see cref="MoneyFormat"/>.</summary>
public static class MarketText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

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
}
