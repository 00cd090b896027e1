using System.Text;
using System.Text.Json;

namespace LiqBot.Exchanges;

/// <summary>
/// A decoder's symbols as UTF-8, matched against a JSON string token without allocating (ASCII case
/// ignored, escaped strings unescaped on the stack): the index is the symbol's position in the list.
/// </summary>
internal sealed class Utf8Symbols(IEnumerable<string> symbols)
{
    private const int LongestSymbol = 64;
    private readonly byte[][] _symbols = symbols.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>The index of the string the reader is on, or -1 for a symbol not in the list.</summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a symbol.");
        }

        Span<byte> buffer = stackalloc byte[LongestSymbol];
        scoped ReadOnlySpan<byte> text = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (length > LongestSymbol)
            {
                return -1;
            }

            text = buffer[..reader.CopyString(buffer)];
        }

        for (var i = 0; i < _symbols.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text, _symbols[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
