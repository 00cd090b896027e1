using System.Text.Json;

namespace LiqBot.Exchanges;

/// <summary>Binance's payload keys are mostly one letter: the key the reader is on as that byte, case kept, without allocating.</summary>
internal static class JsonKey
{
    /// <summary>The one-byte key (escaped or not), or 0 for a longer key.</summary>
    public static byte Letter(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            return name.Length == 1 ? name[0] : (byte)0;
        }

        Span<byte> buffer = stackalloc byte[8];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= buffer.Length && reader.CopyString(buffer) == 1 ? buffer[0] : (byte)0;
    }
}
