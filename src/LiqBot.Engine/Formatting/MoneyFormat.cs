using System.Globalization;

namespace LiqBot.Engine.Formatting;

/// <summary>Short, readable money and price text for images and briefs: "$1.2M", "$412M", "91.2k".</summary>
public static class MoneyFormat
{
    private static readonly (double Scale, string Suffix)[] UsdUnits = [(1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T")];

    /// <summary>Dollars with a K/M/B/T suffix: one decimal under 100 units, none above ("$1.2M", "$41.5M", "$412M").</summary>
    public static string Usd(double amount)
    {
        if (double.IsNaN(amount) || double.IsInfinity(amount))
        {
            return "n/a";
        }

        var sign = amount < 0 ? "-" : string.Empty;
        var magnitude = Math.Abs(amount);
        if (Math.Round(magnitude) < 1000)
        {
            return $"{sign}${magnitude.ToString("0", CultureInfo.InvariantCulture)}";
        }

        // Move to the next unit when rounding reaches 1000, so 999,960 reads "$1.0M" rather than "$1000K".
        for (var unit = 0; ; unit++)
        {
            var (scale, suffix) = UsdUnits[unit];
            var rounded = RoundCompact(magnitude / scale);
            if (rounded < 1000 || unit == UsdUnits.Length - 1)
            {
                return $"{sign}${FormatCompact(rounded)}{suffix}";
            }
        }
    }

    /// <summary>A price in thousands with <paramref name="decimals"/> places ("91.2k"); plain under 1,000 ("950", "0.5123").</summary>
    public static string Price(double price, int decimals = 1)
    {
        if (double.IsNaN(price) || double.IsInfinity(price))
        {
            return "n/a";
        }

        var magnitude = Math.Abs(price);
        if (magnitude >= 1000)
        {
            return (price / 1000).ToString("F" + Math.Clamp(decimals, 0, 3), CultureInfo.InvariantCulture) + "k";
        }

        var places = magnitude >= 100 ? 0 : magnitude >= 1 ? 2 : 4;
        return price.ToString("F" + places, CultureInfo.InvariantCulture);
    }

    /// <summary>The full price with thousands separators ("91,234.5"), for the current price label.</summary>
    public static string PriceExact(double price)
    {
        if (double.IsNaN(price) || double.IsInfinity(price))
        {
            return "n/a";
        }

        var format = Math.Abs(price) >= 1000 ? "#,0.#" : Math.Abs(price) >= 1 ? "#,0.##" : "0.00####";
        return price.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A price range as a zone is named: "88.0k-89.0k".</summary>
    public static string PriceRange(double low, double high) => $"{Price(low)}-{Price(high)}";

    /// <summary>A signed percentage with one decimal: "-2.4 %", "+3.1 %".</summary>
    public static string SignedPercent(double percent) =>
        double.IsNaN(percent) ? "n/a" : percent.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";

    private static double RoundCompact(double units) => units >= 99.95 ? Math.Round(units) : Math.Round(units, 1);

    private static string FormatCompact(double rounded) =>
        rounded.ToString(rounded >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
