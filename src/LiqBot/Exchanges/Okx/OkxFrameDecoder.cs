using System.Text.Json;
using LiqBot.Engine.Market;
using static LiqBot.Exchanges.JsonReaderNumbers;

namespace LiqBot.Exchanges.Okx;

/// <summary>
/// Decodes OKX v5 frames with a Utf8JsonReader over the received bytes: the text "pong"; events (subscribe
/// ack, error, the 64008 upgrade notice); and pushes {"arg":{"channel",...},"data":[...]} of candle1m,
/// trades, open-interest and liquidation-orders, every entry of data in turn. Push frames allocate nothing;
/// arg may follow data, unknown fields are skipped, and the records are applied only once the whole frame
/// has read well. Contract sizes become base coin with each instrument's ctVal; liquidations of instruments
/// we do not follow (the channel carries every swap) are dropped, and a value of theirs that is no number
/// does not spoil the frame.
/// </summary>
internal sealed class OkxFrameDecoder(IReadOnlyList<string> symbols, IReadOnlyList<double> contractValues)
{
    private const int Absent = -2;
    private readonly Utf8Symbols _instruments = new(symbols.Select(OkxSymbols.ToInstrument));
    private readonly OkxFrameRecords _records = new();

    public DecodedFrame Decode(ReadOnlySpan<byte> frame, IOkxFrameHandler handler)
    {
        if (frame.SequenceEqual("pong"u8))
        {
            return new DecodedFrame(FrameKind.Pong);
        }

        _records.Clear();
        DecodedFrame decoded;
        try
        {
            decoded = Read(frame);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return DecodedFrame.Malformed;
        }

        if (decoded.Kind == FrameKind.Data)
        {
            _records.ApplyTo(handler);
        }

        return decoded;
    }

    private DecodedFrame Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return DecodedFrame.Malformed;
        }

        var (channel, symbol) = (OkxChannel.Other, Absent);
        bool hasArg = false, hasData = false;
        DecodedFrame? pushed = null;
        var deferredData = default(Utf8JsonReader);
        FrameKind? control = null;
        string? code = null, message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("arg"u8))
            {
                reader.Read();
                (channel, symbol) = ReadArg(ref reader);
                hasArg = true;
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                hasData = true;
                if (hasArg)
                {
                    pushed = ReadData(ref reader, channel, symbol);
                }
                else
                {
                    // arg comes later: read data once it is known.
                    deferredData = reader;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                control = reader.ValueTextEquals("subscribe"u8) ? FrameKind.SubscribeAck
                    : reader.ValueTextEquals("error"u8) ? FrameKind.SubscribeRejected
                    : reader.ValueTextEquals("notice"u8) ? FrameKind.Closing
                    : FrameKind.Unknown;
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                code = ReadText(ref reader);
            }
            else if (reader.ValueTextEquals("msg"u8))
            {
                message = ReadText(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return DecodedFrame.Malformed;
        }

        if (control is { } kind)
        {
            return kind switch
            {
                FrameKind.SubscribeRejected => new DecodedFrame(kind, $"{code} {message}"),
                FrameKind.Closing => new DecodedFrame(kind, message),
                FrameKind.SubscribeAck => new DecodedFrame(kind),
                _ => DecodedFrame.Unknown,
            };
        }

        if (!hasArg || !hasData)
        {
            return DecodedFrame.Unknown;
        }

        return pushed ?? ReadData(ref deferredData, channel, symbol);
    }

    private (OkxChannel Channel, int Symbol) ReadArg(ref Utf8JsonReader reader)
    {
        JsonRequire.That(reader.TokenType == JsonTokenType.StartObject, "arg");
        var (channel, symbol) = (OkxChannel.Other, Absent);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isChannel = reader.ValueTextEquals("channel"u8);
            var isInstrument = !isChannel && reader.ValueTextEquals("instId"u8);
            reader.Read();
            if (isChannel)
            {
                channel = reader.ValueTextEquals("candle1m"u8) ? OkxChannel.Candle1m
                    : reader.ValueTextEquals("trades"u8) ? OkxChannel.Trades
                    : reader.ValueTextEquals("open-interest"u8) ? OkxChannel.OpenInterest
                    : reader.ValueTextEquals("liquidation-orders"u8) ? OkxChannel.Liquidations
                    : OkxChannel.Other;
            }
            else if (isInstrument)
            {
                symbol = _instruments.IndexOf(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return (channel, symbol);
    }

    /// <param name="reader">On data's first token; left on its last.</param>
    private DecodedFrame ReadData(ref Utf8JsonReader reader, OkxChannel channel, int symbol)
    {
        if (channel == OkxChannel.Other || (symbol < 0 && channel != OkxChannel.Liquidations))
        {
            reader.Skip();
            return DecodedFrame.Unknown;
        }

        JsonRequire.That(reader.TokenType == JsonTokenType.StartArray, "data");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (channel)
            {
                case OkxChannel.Candle1m:
                    var candle = OkxCandle.Read(ref reader, out var confirmed);
                    _records.AddCandle(symbol, candle, confirmed);
                    break;
                case OkxChannel.Trades:
                    ReadTrade(ref reader, symbol);
                    break;
                case OkxChannel.OpenInterest:
                    ReadOpenInterest(ref reader, symbol);
                    break;
                default:
                    ReadLiquidationOrder(ref reader);
                    break;
            }
        }

        return DecodedFrame.Data;
    }

    private void ReadTrade(ref Utf8JsonReader reader, int symbol)
    {
        var (time, price, contracts, takerBought, complete) = ReadSidedEntry(ref reader, "px"u8, "trade");
        JsonRequire.That(complete, "trade");
        _records.AddTrade(symbol, new PublicTrade(DateTimeOffset.FromUnixTimeMilliseconds(time), price, contracts * contractValues[symbol], takerBought));
    }

    private void ReadOpenInterest(ref Utf8JsonReader reader, int symbol)
    {
        JsonRequire.That(reader.TokenType == JsonTokenType.StartObject, "open interest");
        var usd = double.NaN;
        long time = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("oiUsd"u8) ? 1 : reader.ValueTextEquals("ts"u8) ? 2 : 0;
            reader.Read();
            switch (field)
            {
                case 1: usd = ReadRequiredDouble(ref reader); break;
                case 2: time = ReadInt64(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        JsonRequire.That(!double.IsNaN(usd) && time >= 0, "open interest");
        _records.AddOpenInterest(symbol, DateTimeOffset.FromUnixTimeMilliseconds(time), usd);
    }

    /// <summary>
    /// One entry of liquidation-orders, read in one pass whatever its order: its details are held as they
    /// come and kept once its instId turns out to be ours; those of swaps we do not follow are dropped,
    /// values that are no numbers included.
    /// </summary>
    private void ReadLiquidationOrder(ref Utf8JsonReader reader)
    {
        JsonRequire.That(reader.TokenType == JsonTokenType.StartObject, "liquidation order");
        var from = _records.LiquidationCount;
        var (symbol, details, complete) = (Absent, false, true);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDetails = reader.ValueTextEquals("details"u8);
            var isInstrument = !isDetails && reader.ValueTextEquals("instId"u8);
            reader.Read();
            if (isInstrument)
            {
                symbol = _instruments.IndexOf(ref reader);
            }
            else if (isDetails)
            {
                details = true;
                JsonRequire.That(reader.TokenType == JsonTokenType.StartArray, "details");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var (time, price, contracts, buy, read) = ReadSidedEntry(ref reader, "bkPx"u8, "liquidation");
                    complete &= read;

                    // A buy order closes a short; sz is in contracts (times ctVal once the instrument is known).
                    _records.AddLiquidation(-1, new RealizedLiquidation(DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(time, 0)), buy ? PositionSide.Short : PositionSide.Long, price, contracts * price));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        JsonRequire.That(symbol != Absent, "liquidation instId");
        if (symbol < 0)
        {
            _records.DropLiquidations(from);
            return;
        }

        JsonRequire.That(details && complete, "liquidation");
        _records.ClaimLiquidations(from, symbol, contractValues[symbol]);
    }

    /// <summary>What a trade and a liquidation detail share: a price (px or bkPx), sz in contracts, side (buy or sell) and ts; Complete is false when one is missing or no number.</summary>
    private static (long Time, double Price, double Contracts, bool Buy, bool Complete) ReadSidedEntry(ref Utf8JsonReader reader, ReadOnlySpan<byte> priceKey, string what)
    {
        JsonRequire.That(reader.TokenType == JsonTokenType.StartObject, what);
        double price = double.NaN, contracts = double.NaN;
        long time = -1;
        bool? buy = null;
        var numbers = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals(priceKey) ? 1 : reader.ValueTextEquals("sz"u8) ? 2 : reader.ValueTextEquals("side"u8) ? 3 : reader.ValueTextEquals("ts"u8) ? 4 : 0;
            reader.Read();
            switch (field)
            {
                case 1: numbers &= TryReadDouble(ref reader, out price); break;
                case 2: numbers &= TryReadDouble(ref reader, out contracts); break;
                case 3: buy = reader.TokenType == JsonTokenType.String ? reader.ValueTextEquals("buy"u8) : null; break;
                case 4: numbers &= TryReadInt64(ref reader, out time); break;
                default: reader.Skip(); break;
            }
        }

        return (time, price, contracts, buy ?? false, numbers && !double.IsNaN(price + contracts) && time >= 0 && buy is not null);
    }

    /// <summary>A control frame's string field (OKX sends code as a string); other kinds are skipped.</summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }
}
