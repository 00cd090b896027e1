using System.Text;
using System.Text.Json;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// Decodes Bybit v5 public linear frames with a Utf8JsonReader: data frames are handed record by record
/// to an <see cref="IBybitFrameHandler"/> without allocating; control frames (acks, pongs) are described.
/// Property order is not assumed: the envelope is read first, then the <c>data</c> slice.
/// </summary>
internal sealed class BybitFrameDecoder
{
    private readonly List<string> _symbols = [];
    private readonly List<byte[]> _symbolBytes = [];
    private readonly bool _learnSymbols;

    /// <param name="symbols">Known symbols, upper case.</param>
    /// <param name="learnSymbols">Accept topics of symbols not listed (replay); otherwise they count as unknown.</param>
    public BybitFrameDecoder(IEnumerable<string> symbols, bool learnSymbols = false)
    {
        foreach (var symbol in symbols)
        {
            Add(symbol);
        }

        _learnSymbols = learnSymbols;
    }

    public IReadOnlyList<string> Symbols => _symbols;

    public int IndexOf(string symbol) => _symbols.IndexOf(symbol);

    public BybitFrameInfo Decode(ReadOnlySpan<byte> frame, IBybitFrameHandler handler)
    {
        try
        {
            return DecodeCore(frame, handler);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return BybitFrameInfo.Malformed;
        }
    }

    private BybitFrameInfo DecodeCore(ReadOnlySpan<byte> frame, IBybitFrameHandler handler)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return BybitFrameInfo.Malformed;
        }

        var topic = BybitTopicKind.None;
        var symbol = -1;
        var snapshot = false;
        long ts = 0;
        int dataStart = -1, dataEnd = -1;
        string? op = null, message = null, requestId = null;
        var success = false;
        BybitFrameInfo? dataInfo = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("topic"u8))
            {
                reader.Read();
                topic = ParseTopic(reader.ValueSpan, out symbol);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (topic is BybitTopicKind.Trade or BybitTopicKind.Liquidation && symbol >= 0)
                {
                    // The usual order (topic before data): decode in the same pass.
                    dataInfo = ReadData(ref reader, topic, symbol, snapshot, ts, handler);
                }
                else
                {
                    dataStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                    dataEnd = (int)reader.BytesConsumed;
                }
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                snapshot = reader.ValueTextEquals("snapshot"u8);
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                ts = JsonReaderNumbers.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                op = reader.GetString();
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                success = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("ret_msg"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("req_id"u8))
            {
                reader.Read();
                requestId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return BybitFrameInfo.Malformed;
        }

        if (topic != BybitTopicKind.None)
        {
            if (dataInfo is { } decoded)
            {
                return decoded;
            }

            if (symbol < 0 || dataStart < 0 || topic == BybitTopicKind.Other)
            {
                return BybitFrameInfo.Unknown;
            }

            // Tickers need the envelope's ts and type, which may follow data: decode the data slice now.
            var data = new Utf8JsonReader(frame[dataStart..dataEnd]);
            data.Read();
            return ReadData(ref data, topic, symbol, snapshot, ts, handler);
        }

        return op switch
        {
            "pong" => new BybitFrameInfo(BybitFrameKind.Pong, true, requestId, message),
            "ping" when message == "pong" => new BybitFrameInfo(BybitFrameKind.Pong, success, requestId, message),
            "subscribe" => new BybitFrameInfo(BybitFrameKind.SubscribeAck, success, requestId, message),
            null => BybitFrameInfo.Unknown,
            _ => new BybitFrameInfo(BybitFrameKind.OtherControl, success, requestId, message),
        };
    }

    private static BybitFrameInfo ReadData(ref Utf8JsonReader reader, BybitTopicKind topic, int symbol, bool snapshot, long ts, IBybitFrameHandler handler) =>
        topic switch
        {
            BybitTopicKind.Trade => BybitRecordReader.Trades(ref reader, symbol, handler),
            BybitTopicKind.Liquidation => BybitRecordReader.Liquidations(ref reader, symbol, handler),
            _ => BybitRecordReader.Ticker(ref reader, symbol, snapshot, ts, handler),
        };

    private BybitTopicKind ParseTopic(ReadOnlySpan<byte> topic, out int symbol)
    {
        symbol = -1;
        var dot = topic.LastIndexOf((byte)'.');
        if (dot <= 0)
        {
            return BybitTopicKind.Other;
        }

        var name = topic[..dot];
        var kind = name.SequenceEqual("publicTrade"u8) ? BybitTopicKind.Trade
            : name.SequenceEqual("allLiquidation"u8) ? BybitTopicKind.Liquidation
            : name.SequenceEqual("tickers"u8) ? BybitTopicKind.Ticker
            : BybitTopicKind.Other;
        var suffix = topic[(dot + 1)..];
        for (var i = 0; i < _symbolBytes.Count; i++)
        {
            if (suffix.SequenceEqual(_symbolBytes[i]))
            {
                symbol = i;
                return kind;
            }
        }

        if (_learnSymbols && kind != BybitTopicKind.Other && !suffix.IsEmpty)
        {
            symbol = Add(Encoding.UTF8.GetString(suffix));
        }

        return kind;
    }

    private int Add(string symbol)
    {
        _symbols.Add(symbol);
        _symbolBytes.Add(Encoding.UTF8.GetBytes(symbol));
        return _symbols.Count - 1;
    }
}
