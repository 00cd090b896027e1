using System.Text.Json;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Okx;

/// <summary>
/// Decodes OKX v5 frames: the text "pong"; events (subscribe ack, error, the 64008 upgrade notice); and
/// pushes {"arg":{"channel",...},"data":[...]} of candle1m, trades, open-interest and liquidation-orders.
/// Contract sizes become base coin with each instrument's ctVal; liquidations of instruments we do not
/// follow (the channel carries every swap) are skipped.
/// </summary>
internal sealed class OkxFrameDecoder(IReadOnlyList<string> symbols, IReadOnlyList<double> contractValues)
{
    private readonly Dictionary<string, int> _index = symbols.Select((s, i) => (Instrument: OkxSymbols.ToInstrument(s), i)).ToDictionary(p => p.Instrument, p => p.i, StringComparer.Ordinal);

    public DecodedFrame Decode(ReadOnlySpan<byte> frame, IOkxFrameHandler handler)
    {
        if (frame.SequenceEqual("pong"u8))
        {
            return new DecodedFrame(FrameKind.Pong);
        }

        return FrameJson.Decode(frame, handler, DecodeCore);
    }

    private DecodedFrame DecodeCore(JsonElement root, IOkxFrameHandler handler)
    {
        if (root.TryGetProperty("event", out var eventName))
        {
            var message = root.TryGetProperty("msg", out var m) ? m.GetString() : null;
            return eventName.GetString() switch
            {
                "subscribe" => new DecodedFrame(FrameKind.SubscribeAck),
                "error" => new DecodedFrame(FrameKind.SubscribeRejected, $"{(root.TryGetProperty("code", out var c) ? c.GetString() : null)} {message}"),
                "notice" => new DecodedFrame(FrameKind.Closing, message),
                _ => DecodedFrame.Unknown,
            };
        }

        if (!root.TryGetProperty("arg", out var arg) || !root.TryGetProperty("data", out var data))
        {
            return DecodedFrame.Unknown;
        }

        var channel = arg.GetProperty("channel").GetString();
        if (channel == "liquidation-orders")
        {
            foreach (var order in data.EnumerateArray())
            {
                if (Index(order.GetProperty("instId")) is { } liquidated)
                {
                    foreach (var detail in order.GetProperty("details").EnumerateArray())
                    {
                        // A buy order closes a short; sz is in contracts.
                        var price = JsonNumbers.Double(detail.GetProperty("bkPx"));
                        var side = detail.GetProperty("side").GetString() == "buy" ? PositionSide.Short : PositionSide.Long;
                        handler.OnLiquidation(liquidated, new RealizedLiquidation(JsonNumbers.Millis(detail.GetProperty("ts")), side, price, JsonNumbers.Double(detail.GetProperty("sz")) * contractValues[liquidated] * price));
                    }
                }
            }

            return DecodedFrame.Data;
        }

        if (!arg.TryGetProperty("instId", out var instrument) || Index(instrument) is not { } symbol)
        {
            return DecodedFrame.Unknown;
        }

        switch (channel)
        {
            case "candle1m":
                foreach (var row in data.EnumerateArray())
                {
                    var candle = OkxCandle.Read(row, out var confirmed);
                    handler.OnCandle(symbol, candle, confirmed);
                }

                return DecodedFrame.Data;
            case "trades":
                foreach (var trade in data.EnumerateArray())
                {
                    handler.OnTrade(symbol, new PublicTrade(JsonNumbers.Millis(trade.GetProperty("ts")), JsonNumbers.Double(trade.GetProperty("px")), JsonNumbers.Double(trade.GetProperty("sz")) * contractValues[symbol], trade.GetProperty("side").GetString() == "buy"));
                }

                return DecodedFrame.Data;
            case "open-interest":
                foreach (var reading in data.EnumerateArray())
                {
                    handler.OnOpenInterest(symbol, JsonNumbers.Millis(reading.GetProperty("ts")), JsonNumbers.Double(reading.GetProperty("oiUsd")));
                }

                return DecodedFrame.Data;
            default:
                return DecodedFrame.Unknown;
        }
    }

    private int? Index(JsonElement instrument) => _index.TryGetValue(instrument.GetString() ?? string.Empty, out var i) ? i : null;
}
