using System.Runtime.InteropServices;
using System.Text.Json;
using static LiqBot.Exchanges.JsonReaderNumbers;

namespace LiqBot.Exchanges.Okx;

/// <summary>Reads a candle row [ts, o, h, l, c, vol(contracts), volCcy(base), volCcyQuote, confirm]; older rows have 7 columns and count as confirmed.</summary>
internal static class OkxCandle
{
    /// <summary>A row of a REST page, read by the same code as the stream's rows.</summary>
    public static KlineRow Read(JsonElement row, out bool confirmed)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(row));
        reader.Read();
        return Read(ref reader, out confirmed);
    }

    /// <param name="reader">On the row's StartArray; left on its EndArray.</param>
    public static KlineRow Read(ref Utf8JsonReader reader, out bool confirmed)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A candle is an array.");
        }

        long open = 0;
        double o = 0, h = 0, l = 0, c = 0, baseVolume = 0, quoteVolume = double.NaN;
        confirmed = true;
        var column = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (column++)
            {
                case 0: open = ReadInt64(ref reader); break;
                case 1: o = ReadRequiredDouble(ref reader); break;
                case 2: h = ReadRequiredDouble(ref reader); break;
                case 3: l = ReadRequiredDouble(ref reader); break;
                case 4: c = ReadRequiredDouble(ref reader); break;
                case 6: baseVolume = ReadRequiredDouble(ref reader); break;
                case 7: quoteVolume = ReadRequiredDouble(ref reader); break;
                case 8: confirmed = reader.ValueTextEquals("1"u8); break;
                default: reader.Skip(); break;
            }
        }

        if (column < 7)
        {
            throw new JsonException("A candle has at least 7 columns.");
        }

        return new KlineRow(DateTimeOffset.FromUnixTimeMilliseconds(open), o, h, l, c, baseVolume, double.IsNaN(quoteVolume) ? baseVolume * c : quoteVolume);
    }
}
