using System.Text;
using System.Text.Json;
using static LiqBot.Exchanges.JsonReaderNumbers;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// Decodes combined-stream frames ({"stream":..., "data":{...}}) with a Utf8JsonReader over the received
/// bytes, by the payload's event type: kline, aggTrade, markPriceUpdate, forceOrder. Data frames allocate
/// nothing; fields may come in any order (the "e" type is looked up first), unknown fields are skipped
/// (the 2026 payloads grew st and ps), and the record is applied only once the whole frame has read well.
/// Control frames: {"result":...,"id":n} acknowledges a request, {"error":{"code","msg"},"id":n} rejects it.
/// </summary>
/// <param name="klineFastPath">Read kline frames with <see cref="BinanceKlineFastPath"/> first (off only to compare the two ways).</param>
internal sealed class BinanceFrameDecoder(IReadOnlyList<string> symbols, bool klineFastPath = true)
{
    private const int Absent = -2;
    private readonly Utf8Symbols _symbols = new(symbols);

    public DecodedFrame Decode(ReadOnlySpan<byte> frame, IBinanceFrameHandler handler)
    {
        var record = default(BinanceRecord);
        if (klineFastPath && BinanceKlineFastPath.Likely(frame) && BinanceKlineFastPath.TryRead(frame, _symbols, ref record, out var ours))
        {
            if (!ours)
            {
                return DecodedFrame.Unknown;
            }

            record.ApplyTo(handler);
            return DecodedFrame.Data;
        }

        record = default;
        DecodedFrame decoded;
        try
        {
            decoded = Read(frame, ref record);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return DecodedFrame.Malformed;
        }

        if (decoded.Kind == FrameKind.Data)
        {
            record.ApplyTo(handler);
        }

        return decoded;
    }

    private DecodedFrame Read(ReadOnlySpan<byte> frame, ref BinanceRecord record)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return DecodedFrame.Malformed;
        }

        var data = DecodedFrame.Unknown;
        bool result = false, id = false;
        string? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = ReadData(ref reader, ref record) ? DecodedFrame.Data : DecodedFrame.Unknown;
                continue;
            }

            result |= reader.ValueTextEquals("result"u8);
            id |= reader.ValueTextEquals("id"u8);
            var isError = reader.ValueTextEquals("error"u8);
            reader.Read();
            if (isError)
            {
                error = ErrorMessage(ref reader, frame);
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return DecodedFrame.Malformed;
        }

        return error is not null ? new DecodedFrame(FrameKind.SubscribeRejected, error)
            : result && id ? new DecodedFrame(FrameKind.SubscribeAck)
            : data;
    }

    /// <summary>Reads the payload into <paramref name="record"/>; false when it is no event of ours or of a symbol we do not follow.</summary>
    private bool ReadData(ref Utf8JsonReader reader, ref BinanceRecord record)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        record.Kind = EventOf(reader);
        record.Symbol = Absent;
        switch (record.Kind)
        {
            case BinanceEventKind.Kline:
                ReadKlineEvent(ref reader, ref record);
                break;
            case BinanceEventKind.AggTrade:
            case BinanceEventKind.MarkPrice:
                ReadFlatEvent(ref reader, ref record);
                break;
            case BinanceEventKind.ForceOrder:
                ReadForceOrderEvent(ref reader, ref record);
                break;
            default:
                reader.Skip();
                return false;
        }

        JsonRequire.That(record.Symbol != Absent, "symbol");
        return record.Symbol >= 0;
    }

    /// <summary>The "e" of the payload, looked up on a copy of the reader so the payload can then be read in one pass whatever its field order.</summary>
    private static BinanceEventKind EventOf(Utf8JsonReader probe)
    {
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            var isType = probe.ValueTextEquals("e"u8);
            probe.Read();
            if (isType)
            {
                return probe.ValueTextEquals("kline"u8) ? BinanceEventKind.Kline
                    : probe.ValueTextEquals("aggTrade"u8) ? BinanceEventKind.AggTrade
                    : probe.ValueTextEquals("markPriceUpdate"u8) ? BinanceEventKind.MarkPrice
                    : probe.ValueTextEquals("forceOrder"u8) ? BinanceEventKind.ForceOrder
                    : BinanceEventKind.Other;
            }

            probe.Skip();
        }

        return BinanceEventKind.Other;
    }

    /// <summary>aggTrade (s, p, q, T, m) and markPriceUpdate (s, p, E): their fields sit in the payload itself.</summary>
    private void ReadFlatEvent(ref Utf8JsonReader reader, ref BinanceRecord record)
    {
        var trade = record.Kind == BinanceEventKind.AggTrade;
        double price = double.NaN, quantity = double.NaN;
        long time = -1;
        bool? maker = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonKey.Letter(ref reader);
            reader.Read();
            switch (key)
            {
                case (byte)'s': record.Symbol = _symbols.IndexOf(ref reader); break;
                case (byte)'p': price = ReadRequiredDouble(ref reader); break;
                case (byte)'q' when trade: quantity = ReadRequiredDouble(ref reader); break;
                case (byte)'T' when trade: time = ReadInt64(ref reader); break;
                case (byte)'E' when !trade: time = ReadInt64(ref reader); break;
                case (byte)'m' when trade: maker = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        }

        JsonRequire.That(!double.IsNaN(price) && time >= 0 && (!trade || (!double.IsNaN(quantity) && maker is not null)), trade ? "aggTrade" : "markPriceUpdate");
        (record.Price, record.Quantity, record.TimeMs, record.Flag) = (price, quantity, time, maker ?? false);
    }

    /// <summary>kline: the bar sits in k (t, o, h, l, c, v, q, Q, x, s); the payload's s stands in when k has none.</summary>
    private void ReadKlineEvent(ref Utf8JsonReader reader, ref BinanceRecord record)
    {
        var payloadSymbol = Absent;
        var seenBar = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonKey.Letter(ref reader);
            reader.Read();
            switch (key)
            {
                case (byte)'s': payloadSymbol = _symbols.IndexOf(ref reader); break;
                case (byte)'k': ReadKline(ref reader, ref record); seenBar = true; break;
                default: reader.Skip(); break;
            }
        }

        JsonRequire.That(seenBar, "k");
        if (record.Symbol == Absent)
        {
            record.Symbol = payloadSymbol;
        }
    }

    private void ReadKline(ref Utf8JsonReader reader, ref BinanceRecord record)
    {
        JsonRequire.That(reader.TokenType == JsonTokenType.StartObject, "k");
        long open = -1;
        double o = double.NaN, h = double.NaN, l = double.NaN, c = double.NaN, v = double.NaN, q = double.NaN, takerQ = double.NaN;
        bool? closed = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonKey.Letter(ref reader);
            reader.Read();
            switch (key)
            {
                case (byte)'s': record.Symbol = _symbols.IndexOf(ref reader); break;
                case (byte)'t': open = ReadInt64(ref reader); break;
                case (byte)'o': o = ReadRequiredDouble(ref reader); break;
                case (byte)'h': h = ReadRequiredDouble(ref reader); break;
                case (byte)'l': l = ReadRequiredDouble(ref reader); break;
                case (byte)'c': c = ReadRequiredDouble(ref reader); break;
                case (byte)'v': v = ReadRequiredDouble(ref reader); break;
                case (byte)'q': q = ReadRequiredDouble(ref reader); break;
                case (byte)'Q': takerQ = ReadRequiredDouble(ref reader); break;
                case (byte)'x': closed = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        }

        JsonRequire.That(open >= 0 && closed is not null && !double.IsNaN(o + h + l + c + v + q + takerQ), "kline");
        record.Kline = new KlineRow(DateTimeOffset.FromUnixTimeMilliseconds(open), o, h, l, c, v, q, takerQ);
        record.Flag = closed!.Value;
    }

    /// <summary>forceOrder: the order sits in o (s, S, ap, z, T).</summary>
    private void ReadForceOrderEvent(ref Utf8JsonReader reader, ref BinanceRecord record)
    {
        var seenOrder = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOrder = JsonKey.Letter(ref reader) == (byte)'o';
            reader.Read();
            if (isOrder)
            {
                ReadOrder(ref reader, ref record);
                seenOrder = true;
            }
            else
            {
                reader.Skip();
            }
        }

        JsonRequire.That(seenOrder, "o");
    }

    private void ReadOrder(ref Utf8JsonReader reader, ref BinanceRecord record)
    {
        JsonRequire.That(reader.TokenType == JsonTokenType.StartObject, "o");
        double price = double.NaN, filled = double.NaN;
        long time = -1;
        bool? sell = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonKey.Letter(ref reader);
            var averagePrice = key == 0 && reader.ValueTextEquals("ap"u8);
            reader.Read();
            switch (key)
            {
                case 0 when averagePrice: price = ReadRequiredDouble(ref reader); break;
                case (byte)'s': record.Symbol = _symbols.IndexOf(ref reader); break;
                case (byte)'S': sell = reader.ValueTextEquals("SELL"u8); break;
                case (byte)'z': filled = ReadRequiredDouble(ref reader); break;
                case (byte)'T': time = ReadInt64(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        JsonRequire.That(!double.IsNaN(price + filled) && time >= 0 && sell is not null, "forceOrder");
        (record.Price, record.Quantity, record.TimeMs, record.Flag) = (price, filled, time, sell!.Value);
    }

    /// <summary>error.msg when the error is an object with one, else the error as sent.</summary>
    private static string ErrorMessage(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        var start = (int)reader.TokenStartIndex;
        string? message = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var probe = reader;
            while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = probe.ValueTextEquals("msg"u8);
                probe.Read();
                if (isMessage && probe.TokenType == JsonTokenType.String)
                {
                    message = probe.GetString();
                }

                probe.Skip();
            }
        }

        reader.Skip();
        return message ?? Encoding.UTF8.GetString(frame[start..(int)reader.BytesConsumed]);
    }
}
