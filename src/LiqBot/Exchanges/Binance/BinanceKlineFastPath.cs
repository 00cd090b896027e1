using static LiqBot.Exchanges.JsonReaderNumbers;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// The kline frame as Binance sends it (four a second per symbol, some 50 tokens), read with a
/// <see cref="PlainJsonCursor"/> instead of a Utf8JsonReader: property names matched by their one byte,
/// unneeded values skipped without being read, prices parsed straight from the string's bytes. Anything
/// unusual (another event, escapes, numbers sent as numbers, arrays, a missing field, a control frame)
/// returns false and the decoder reads the frame the general way, which also decides what is malformed.
/// </summary>
internal static class BinanceKlineFastPath
{
    /// <summary>
    /// Whether the frame opens the way Binance sends a kline frame (the stream name, "...@kline_1m", first),
    /// a vectorized search of its first bytes: other streams then pay nothing for the fast path.
    /// </summary>
    public static bool Likely(ReadOnlySpan<byte> frame) => frame[..Math.Min(frame.Length, 48)].IndexOf("@kline_"u8) >= 0;

    /// <returns>True when the frame is a well-formed kline frame; then <paramref name="record"/> holds it and <paramref name="ours"/> says whether its symbol is followed.</returns>
    public static bool TryRead(ReadOnlySpan<byte> frame, Utf8Symbols symbols, ref BinanceRecord record, out bool ours)
    {
        ours = false;
        var json = new PlainJsonCursor(frame);
        if (!json.Take((byte)'{'))
        {
            return false;
        }

        var seenData = false;
        do
        {
            if (!json.String(out var name) || !json.Take((byte)':'))
            {
                return false;
            }

            if (name.SequenceEqual("data"u8) && !seenData)
            {
                seenData = true;
                if (!TryReadData(ref json, symbols, ref record))
                {
                    return false;
                }
            }
            else if (!name.SequenceEqual("stream"u8) || !json.SkipScalar())
            {
                return false;
            }
        }
        while (json.Take((byte)','));

        if (!json.Take((byte)'}') || !json.AtEnd() || !seenData)
        {
            return false;
        }

        ours = record.Symbol >= 0;
        return true;
    }

    private static bool TryReadData(ref PlainJsonCursor json, Utf8Symbols symbols, ref BinanceRecord record)
    {
        if (!json.Take((byte)'{'))
        {
            return false;
        }

        bool? kline = null;
        var seenBar = false;
        var payloadSymbol = -2;
        var barSymbol = -2;
        do
        {
            if (!json.String(out var name) || !json.Take((byte)':'))
            {
                return false;
            }

            var key = name.Length == 1 ? name[0] : (byte)0;
            switch (key)
            {
                case (byte)'e' when kline is null:
                    if (!json.String(out var type))
                    {
                        return false;
                    }

                    kline = type.SequenceEqual("kline"u8);
                    if (kline == false)
                    {
                        return false; // another event: the general path reads it
                    }

                    break;
                case (byte)'s':
                    if (!json.String(out var symbol))
                    {
                        return false;
                    }

                    payloadSymbol = symbols.IndexOf(symbol);
                    break;
                case (byte)'k' when !seenBar:
                    if (!TryReadKline(ref json, symbols, ref record, out barSymbol))
                    {
                        return false;
                    }

                    seenBar = true;
                    break;
                default:
                    if (!json.SkipScalar())
                    {
                        return false;
                    }

                    break;
            }
        }
        while (json.Take((byte)','));

        if (!json.Take((byte)'}') || kline != true || !seenBar)
        {
            return false;
        }

        record.Kind = BinanceEventKind.Kline;
        record.Symbol = barSymbol != -2 ? barSymbol : payloadSymbol;
        return record.Symbol != -2;
    }

    /// <summary>k: t, o, h, l, c, v, q, Q, x and perhaps s; prices and volumes as strings, as Binance sends them.</summary>
    private static bool TryReadKline(ref PlainJsonCursor json, Utf8Symbols symbols, ref BinanceRecord record, out int symbol)
    {
        symbol = -2;
        if (!json.Take((byte)'{'))
        {
            return false;
        }

        long open = -1;
        double o = double.NaN, h = double.NaN, l = double.NaN, c = double.NaN, v = double.NaN, q = double.NaN, takerQ = double.NaN;
        bool? closed = null;
        do
        {
            if (!json.String(out var name) || !json.Take((byte)':'))
            {
                return false;
            }

            var ok = (name.Length == 1 ? name[0] : (byte)0) switch
            {
                (byte)'s' => Symbol(ref json, symbols, out symbol),
                (byte)'t' => json.Number(out var t) && TryParseInteger(t, out open),
                (byte)'o' => Decimal(ref json, out o),
                (byte)'h' => Decimal(ref json, out h),
                (byte)'l' => Decimal(ref json, out l),
                (byte)'c' => Decimal(ref json, out c),
                (byte)'v' => Decimal(ref json, out v),
                (byte)'q' => Decimal(ref json, out q),
                (byte)'Q' => Decimal(ref json, out takerQ),
                (byte)'x' => Flag(ref json, out closed),
                _ => json.SkipScalar(),
            };
            if (!ok)
            {
                return false;
            }
        }
        while (json.Take((byte)','));

        if (!json.Take((byte)'}') || open < 0 || closed is null || double.IsNaN(o + h + l + c + v + q + takerQ))
        {
            return false;
        }

        record.Kline = new KlineRow(DateTimeOffset.FromUnixTimeMilliseconds(open), o, h, l, c, v, q, takerQ);
        record.Flag = closed.Value;
        return true;
    }

    private static bool Symbol(ref PlainJsonCursor json, Utf8Symbols symbols, out int symbol)
    {
        symbol = -2;
        if (!json.String(out var text))
        {
            return false;
        }

        symbol = symbols.IndexOf(text);
        return true;
    }

    private static bool Decimal(ref PlainJsonCursor json, out double value)
    {
        value = double.NaN;
        return json.String(out var text) && TryParseDouble(text, out value);
    }

    private static bool Flag(ref PlainJsonCursor json, out bool? closed)
    {
        closed = null;
        if (!json.Boolean(out var value))
        {
            return false;
        }

        closed = value;
        return true;
    }
}
