using System.Runtime.CompilerServices;
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

        return !reader.ValueIsEscaped && !reader.HasValueSequence ? IndexOf(reader.ValueSpan) : IndexOfEscaped(in reader);
    }

    /// <summary>The index of unescaped symbol text, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < _symbols.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text, _symbols[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int IndexOfEscaped(in Utf8JsonReader reader)
    {
        Span<byte> buffer = stackalloc byte[LongestSymbol];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= LongestSymbol ? IndexOf(buffer[..reader.CopyString(buffer)]) : -1;
    }
}
