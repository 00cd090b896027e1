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

        if (Utf8Parser.TryParse(text, out double value, out var used) && used == text.Length)
        {
            return value;
        }

        throw new JsonException("Not a number.");
    }
}
