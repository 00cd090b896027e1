namespace LiqBot.Exchanges;

/// <summary>
/// A strict forward cursor over UTF-8 JSON made only of plain tokens: objects, ASCII strings without escapes,
/// numbers, true, false and null, with JSON whitespace between them. It checks the grammar of what it
/// reads, numbers included, and gives up (returns false) on anything else: arrays, escapes, non-ASCII text,
/// comments. A decoder uses it as a fast path and falls back to <see cref="System.Text.Json.Utf8JsonReader"/>
/// whenever it gives up, so it never has to judge a frame it does not fully understand.
/// </summary>
internal ref struct PlainJsonCursor(ReadOnlySpan<byte> json)
{
    private readonly ReadOnlySpan<byte> _json = json;
    private int _at;

    /// <summary>Moves past <paramref name="token"/> ('{', '}', ':' or ','), after whitespace.</summary>
    public bool Take(byte token)
    {
        SkipWhitespace();
        if (_at < _json.Length && _json[_at] == token)
        {
            _at++;
            return true;
        }

        return false;
    }

    /// <summary>True when the next token (after whitespace) is <paramref name="token"/>; nothing is consumed.</summary>
    public bool Sees(byte token)
    {
        SkipWhitespace();
        return _at < _json.Length && _json[_at] == token;
    }

    /// <summary>True when only whitespace is left.</summary>
    public bool AtEnd()
    {
        SkipWhitespace();
        return _at == _json.Length;
    }

    /// <summary>A plain string's content (the quotes excluded).</summary>
    public bool String(out ReadOnlySpan<byte> text)
    {
        text = default;
        SkipWhitespace();
        if (_at >= _json.Length || _json[_at] != (byte)'"')
        {
            return false;
        }

        var start = ++_at;
        for (; _at < _json.Length; _at++)
        {
            var c = _json[_at];
            if (c == (byte)'"')
            {
                text = _json[start.._at++];
                return true;
            }

            if (c is < 0x20 or >= 0x80 or (byte)'\\')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A number token's text, its grammar checked: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.</summary>
    public bool Number(out ReadOnlySpan<byte> text)
    {
        text = default;
        SkipWhitespace();
        var start = _at;
        _ = Next((byte)'-');
        if (!Next((byte)'0') && Digits() == 0)
        {
            return false; // a leading zero stands alone, any other integer part starts with 1-9
        }

        if (Next((byte)'.') && Digits() == 0)
        {
            return false;
        }

        if (Next((byte)'e') || Next((byte)'E'))
        {
            _ = Next((byte)'+') || Next((byte)'-');
            if (Digits() == 0)
            {
                return false;
            }
        }

        text = _json[start.._at];
        return _at < _json.Length && !IsDigitOrWordByte(_json[_at]);
    }

    /// <summary>true or false.</summary>
    public bool Boolean(out bool value)
    {
        SkipWhitespace();
        value = Literal("true"u8);
        return value || Literal("false"u8);
    }

    /// <summary>Skips a string, number, true, false or null; false for anything else (objects and arrays included).</summary>
    public bool SkipScalar()
    {
        SkipWhitespace();
        if (_at >= _json.Length)
        {
            return false;
        }

        return _json[_at] switch
        {
            (byte)'"' => String(out _),
            (byte)'t' => Literal("true"u8),
            (byte)'f' => Literal("false"u8),
            (byte)'n' => Literal("null"u8),
            _ => Number(out _),
        };
    }

    private bool Literal(ReadOnlySpan<byte> word)
    {
        if (!_json[_at..].StartsWith(word) || (_at + word.Length < _json.Length && IsDigitOrWordByte(_json[_at + word.Length])))
        {
            return false;
        }

        _at += word.Length;
        return true;
    }

    private bool Next(byte c)
    {
        if (_at < _json.Length && _json[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private int Digits()
    {
        var start = _at;
        while (_at < _json.Length && (uint)(_json[_at] - (byte)'0') <= 9)
        {
            _at++;
        }

        return _at - start;
    }

    private static bool IsDigitOrWordByte(byte c) => (uint)(c - (byte)'0') <= 9 || (uint)((c | 0x20) - (byte)'a') <= 25 || c is (byte)'.' or (byte)'-' or (byte)'+';

    private void SkipWhitespace()
    {
        while (_at < _json.Length && _json[_at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _at++;
        }
    }
}
