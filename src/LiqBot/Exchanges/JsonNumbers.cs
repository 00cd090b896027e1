using System.Globalization;
using System.Text.Json;

namespace LiqBot.Exchanges;

/// <summary>Venues send numbers as JSON strings or numbers, and "" for none; read both the same way.</summary>
internal static class JsonNumbers
{
    public static double Double(JsonElement e) => DoubleOrNull(e) ?? throw new FormatException("Empty number.");

    public static double? DoubleOrNull(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when e.GetString() is { Length: > 0 } s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => null,
    };

    public static long Long(JsonElement e) => e.ValueKind == JsonValueKind.Number
        ? e.GetInt64()
        : long.Parse(e.GetString() ?? throw new FormatException("Empty integer."), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static DateTimeOffset Millis(JsonElement e) => DateTimeOffset.FromUnixTimeMilliseconds(Long(e));
}
