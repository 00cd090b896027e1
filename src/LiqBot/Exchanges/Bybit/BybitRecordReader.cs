using System.Text.Json;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Reads the <c>data</c> part of trade, liquidation and ticker frames, record by record, without allocating.</summary>
internal static class BybitRecordReader
{
    /// <param name="reader">Positioned on the data value's first token.</param>
    public static BybitFrameInfo Trades(ref Utf8JsonReader reader, int symbol, IBybitFrameHandler handler)
    {
        ExpectArray(ref reader);
        var bad = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!TryReadRecord(ref reader, out var record))
            {
                bad = true;
                continue;
            }

            handler.OnTrade(symbol, new PublicTrade(record.Time, record.Price, record.Size, record.BuySide));
        }

        return bad ? BybitFrameInfo.Malformed : BybitFrameInfo.Data;
    }

    public static BybitFrameInfo Liquidations(ref Utf8JsonReader reader, int symbol, IBybitFrameHandler handler)
    {
        ExpectArray(ref reader);
        var bad = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!TryReadRecord(ref reader, out var record))
            {
                bad = true;
                continue;
            }

            // allLiquidation's S is the position side: Buy means a long was liquidated.
            var position = record.BuySide ? PositionSide.Long : PositionSide.Short;
            handler.OnLiquidation(symbol, new RealizedLiquidation(record.Time, position, record.Price, record.Price * record.Size));
        }

        return bad ? BybitFrameInfo.Malformed : BybitFrameInfo.Data;
    }

    public static BybitFrameInfo Ticker(ref Utf8JsonReader reader, int symbol, bool snapshot, long ts, IBybitFrameHandler handler)
    {
        if (reader.TokenType != JsonTokenType.StartObject || ts <= 0)
        {
            return BybitFrameInfo.Malformed;
        }

        handler.OnTickerStart(symbol, snapshot);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            TickerField? field =
                reader.ValueTextEquals("lastPrice"u8) ? TickerField.LastPrice
                : reader.ValueTextEquals("markPrice"u8) ? TickerField.MarkPrice
                : reader.ValueTextEquals("openInterest"u8) ? TickerField.OpenInterest
                : reader.ValueTextEquals("openInterestValue"u8) ? TickerField.OpenInterestValue
                : reader.ValueTextEquals("singleOpenInterestValue"u8) ? TickerField.SingleOpenInterestValue
                : reader.ValueTextEquals("fundingRate"u8) ? TickerField.FundingRate
                : null;
            reader.Read();
            if (field is { } f)
            {
                handler.OnTickerField(symbol, f, JsonReaderNumbers.ReadDouble(ref reader));
            }
            else
            {
                reader.Skip();
            }
        }

        handler.OnTickerEnd(symbol, DateTimeOffset.FromUnixTimeMilliseconds(ts));
        return BybitFrameInfo.Data;
    }

    private static void ExpectArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array.");
        }
    }

    /// <summary>The one-letter record keys (T, S, v, p) as their byte; 0 for any other key.</summary>
    private static byte Key(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.ValueTextEquals("T"u8) ? (byte)'T' : reader.ValueTextEquals("S"u8) ? (byte)'S'
                : reader.ValueTextEquals("v"u8) ? (byte)'v' : reader.ValueTextEquals("p"u8) ? (byte)'p' : (byte)0;
        }

        var name = reader.ValueSpan;
        return name.Length == 1 ? name[0] : (byte)0;
    }

    /// <summary>+1 for "Buy", -1 for "Sell", 0 otherwise.</summary>
    private static int Side(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("Buy"u8) ? 1 : reader.ValueTextEquals("Sell"u8) ? -1 : 0;

    /// <summary>Reads one record object; trades and liquidations share the keys T (ms), S (Buy/Sell), v (size), p (price).</summary>
    private static bool TryReadRecord(ref Utf8JsonReader reader, out SidedRecord record)
    {
        long time = -1;
        var side = 0;
        double? size = null, price = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Key(ref reader);
            reader.Read();
            switch (key)
            {
                case (byte)'T': time = JsonReaderNumbers.ReadInt64(ref reader); break;
                case (byte)'S': side = Side(ref reader); break;
                case (byte)'v': size = JsonReaderNumbers.ReadDouble(ref reader); break;
                case (byte)'p': price = JsonReaderNumbers.ReadDouble(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        var complete = time >= 0 && side != 0 && size is not null && price is not null;
        record = complete ? new SidedRecord(DateTimeOffset.FromUnixTimeMilliseconds(time), side > 0, size!.Value, price!.Value) : default;
        return complete;
    }

    private readonly record struct SidedRecord(DateTimeOffset Time, bool BuySide, double Size, double Price);
}
