using System.Buffers.Text;
using System.Text.Json;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Bybit sends numbers as strings ("16578.50"; "" means unknown): parse them invariantly without allocating.</summary>
internal static class BybitNumbers
{
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                break;
            default:
                throw new JsonException($"Expected a number, got {reader.TokenType}.");
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            Span<byte> buffer = stackalloc byte[64];
            var written = reader.CopyString(buffer);
            return Parse(buffer[..written]);
        }

        return Parse(reader.ValueSpan);
    }

    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        if (reader.TokenType == JsonTokenType.String && Utf8Parser.TryParse(reader.ValueSpan, out long value, out var used) && used == reader.ValueSpan.Length)
        {
            return value;
        }

        throw new JsonException("Expected an integer.");
    }

    private static double? Parse(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (TryParsePlainDecimal(text, out var fast))
        {
            return fast;
        }

        if (Utf8Parser.TryParse(text, out double value, out var used) && used == text.Length)
        {
            return value;
        }

        throw new JsonException("Not a number.");
    }

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// The common case, "-?digits[.digits]" with at most 15 significant digits: the mantissa and the power
    /// of ten are exact doubles, so one IEEE division gives the correctly rounded value, as double.Parse would.
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = text[0] == (byte)'-';
        if (negative)
        {
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.')
            {
                if (fraction >= 0)
                {
                    return false;
                }

                fraction = 0;
                continue;
            }

            var d = c - (byte)'0';
            if ((uint)d > 9)
            {
                return false;
            }

            if (mantissa != 0 || d != 0)
            {
                digits++;
            }

            if (digits > 15)
            {
                return false;
            }

            mantissa = (mantissa * 10) + d;
            if (fraction >= 0)
            {
                fraction++;
            }
        }

        if (fraction == 0 || (negative && text.Length == 1) || fraction > 22)
        {
            return false;
        }

        value = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
