using System.Buffers.Text;
using System.Text.Json;

namespace LiqBot.Exchanges;

/// <summary>
/// Venues send numbers as JSON strings ("16578.50"; "" means unknown) or as numbers: read both from the
/// reader's UTF-8 invariantly, without allocating (escaped strings are unescaped on the stack).
/// </summary>
internal static class JsonReaderNumbers
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
            return Parse(buffer[..CopyShort(ref reader, buffer)]);
        }

        return Parse(reader.ValueSpan);
    }

    /// <summary>A number that must be there: null or "" is malformed.</summary>
    public static double ReadRequiredDouble(ref Utf8JsonReader reader) => ReadDouble(ref reader) ?? throw new JsonException("Empty number.");

    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an integer.");
        }

        Span<byte> buffer = stackalloc byte[32];
        var text = reader.ValueIsEscaped || reader.HasValueSequence ? buffer[..CopyShort(ref reader, buffer)] : reader.ValueSpan;
        if (Utf8Parser.TryParse(text, out long value, out var used) && used == text.Length)
        {
            return value;
        }

        throw new JsonException("Expected an integer.");
    }

    /// <summary>Unix milliseconds, as a number or a string.</summary>
    public static DateTimeOffset ReadMillis(ref Utf8JsonReader reader) => DateTimeOffset.FromUnixTimeMilliseconds(ReadInt64(ref reader));

    /// <summary>Copies the unescaped string into <paramref name="buffer"/>; longer than the buffer is no number we read.</summary>
    private static int CopyShort(ref Utf8JsonReader reader, scoped Span<byte> buffer)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= buffer.Length ? reader.CopyString(buffer) : throw new JsonException("Number too long.");
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
