using System.Buffers.Text;
using System.Runtime.CompilerServices;
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
            case JsonTokenType.String when reader.ValueSpan.IsEmpty && !reader.HasValueSequence:
                return null;
            case JsonTokenType.String:
                return TryParseString(in reader, out var value) ? value : throw new JsonException("Not a number.");
            default:
                throw new JsonException($"Expected a number, got {reader.TokenType}.");
        }
    }

    /// <summary>Like <see cref="ReadDouble"/>, but false instead of an exception for anything that is no number (null and "" included).</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double value)
    {
        value = double.NaN;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDouble(out value),
            JsonTokenType.String => TryParseString(in reader, out value),
            _ => false,
        };
    }

    /// <summary>A number that must be there: null or "" is malformed.</summary>
    public static double ReadRequiredDouble(ref Utf8JsonReader reader) => ReadDouble(ref reader) ?? throw new JsonException("Empty number.");

    public static long ReadInt64(ref Utf8JsonReader reader) => TryReadInt64(ref reader, out var value) ? value : throw new JsonException("Expected an integer.");

    /// <summary>An integer, as a number or a string; false for anything else.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out value),
            JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence => TryParse(reader.ValueSpan, out value),
            JsonTokenType.String => TryParseEscaped(in reader, out value),
            _ => false,
        };
    }

    private static bool TryParseString(in Utf8JsonReader reader, out double value) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence ? TryParse(reader.ValueSpan, out value) : TryParseEscaped(in reader, out value);

    /// <summary>The rare string with escapes: unescaped on the stack first (no number we read is longer than 64 bytes).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseEscaped(in Utf8JsonReader reader, out double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        value = double.NaN;
        return TryUnescape(in reader, buffer, out var text) && TryParse(text, out value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseEscaped(in Utf8JsonReader reader, out long value)
    {
        Span<byte> buffer = stackalloc byte[64];
        value = 0;
        return TryUnescape(in reader, buffer, out var text) && TryParse(text, out value);
    }

    private static bool TryUnescape(in Utf8JsonReader reader, Span<byte> buffer, out ReadOnlySpan<byte> text)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        text = length <= buffer.Length ? buffer[..reader.CopyString(buffer)] : default;
        return length <= buffer.Length;
    }

    private static bool TryParse(ReadOnlySpan<byte> text, out long value) => Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;

    /// <summary>A decimal's UTF-8 text (no quotes, no escapes) as a double, as a string value reads.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value) => TryParse(text, out value);

    /// <summary>A JSON integer's text (digits, perhaps a minus) as a long; false for fractions, exponents and overflow.</summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value) => TryParse(text, out value);

    private static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        if (text.IsEmpty)
        {
            value = double.NaN;
            return false;
        }

        return TryParsePlainDecimal(text, out value) || (Utf8Parser.TryParse(text, out value, out var used) && used == text.Length);
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
