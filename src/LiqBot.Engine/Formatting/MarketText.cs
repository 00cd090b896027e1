using System.Globalization;

namespace LiqBot.Engine.Formatting;

/// <summary>Prices to the precision a price step needs: 91.2k, 91.25k, 3,412. Money and percentages are <see cref="MoneyFormat"/>.</summary>
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
            return MoneyFormat.Price(price, Math.Clamp((int)Math.Ceiling(-Math.Log10(step / 1000.0) - 1e-9), 1, 3));
        }

        var places = Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 8);
        return price.ToString("N" + places, Invariant);
    }

    /// <summary>A price range at a step's precision: "88.0k-89.0k", "3,404-3,412".</summary>
    public static string Range(double low, double high, double step) => $"{Price(low, step)}-{Price(high, step)}";
}
