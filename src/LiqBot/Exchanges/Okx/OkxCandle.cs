using System.Text.Json;

namespace LiqBot.Exchanges.Okx;

/// <summary>Reads a candle row [ts, o, h, l, c, vol(contracts), volCcy(base), volCcyQuote, confirm]; older rows have 7 columns and count as confirmed.</summary>
internal static class OkxCandle
{
    public static KlineRow Read(JsonElement row, out bool confirmed)
    {
        var close = JsonNumbers.Double(row[4]);
        var baseVolume = JsonNumbers.Double(row[6]);
        var length = row.GetArrayLength();
        confirmed = length < 9 || row[8].GetString() == "1";
        var quoteVolume = length >= 8 ? JsonNumbers.Double(row[7]) : baseVolume * close;
        return new KlineRow(JsonNumbers.Millis(row[0]), JsonNumbers.Double(row[1]), JsonNumbers.Double(row[2]), JsonNumbers.Double(row[3]), close, baseVolume, quoteVolume);
    }
}
