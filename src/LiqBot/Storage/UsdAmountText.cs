using System.Globalization;

namespace LiqBot.Storage;

/// <summary>Dollar amounts as traders write them: "25000000", "25M", "$1.5b", "250k", "2,500,000".</summary>
internal static class UsdAmountText
{
    public static bool TryParse(string? text, out double amount)
    {
        amount = 0;
        var value = (text ?? string.Empty).Trim().TrimStart('$').Replace(",", string.Empty).Replace("_", string.Empty);
        if (value.Length is 0 or > 24)
        {
            return false;
        }

        var multiplier = char.ToLowerInvariant(value[^1]) switch
        {
            'k' => 1e3,
            'm' => 1e6,
            'b' => 1e9,
            _ => 1.0,
        };
        if (multiplier > 1.0)
        {
            value = value[..^1];
        }

        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return false;
        }

        amount = number * multiplier;
        return true;
    }

    /// <summary>Short form for replies: $25M, $1.5B, $250k.</summary>
    public static string Format(double amount) => amount switch
    {
        >= 1e9 => $"${(amount / 1e9).ToString("0.###", CultureInfo.InvariantCulture)}B",
        >= 1e6 => $"${(amount / 1e6).ToString("0.###", CultureInfo.InvariantCulture)}M",
        >= 1e3 => $"${(amount / 1e3).ToString("0.###", CultureInfo.InvariantCulture)}k",
        _ => $"${amount.ToString("0.##", CultureInfo.InvariantCulture)}",
    };
}
