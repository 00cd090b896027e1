using System.Text.Json;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// Decodes combined-stream frames ({"stream":..., "data":{...}}) by the payload's event type: kline,
/// aggTrade, markPriceUpdate, forceOrder. Control frames: {"result":...,"id":n} acknowledges a request,
/// {"error":{"code","msg"},"id":n} rejects it. Unknown fields are ignored (the 2026 payloads grew st and ps).
/// </summary>
internal sealed class BinanceFrameDecoder(IReadOnlyList<string> symbols)
{
    private readonly Dictionary<string, int> _index = symbols.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.OrdinalIgnoreCase);

    public DecodedFrame Decode(ReadOnlySpan<byte> frame, IBinanceFrameHandler handler)
    {
        return FrameJson.Decode(frame, handler, DecodeCore);
    }

    private DecodedFrame DecodeCore(JsonElement root, IBinanceFrameHandler handler)
    {
        if (root.TryGetProperty("error", out var error))
        {
            return new DecodedFrame(FrameKind.SubscribeRejected, error.ValueKind == JsonValueKind.Object && error.TryGetProperty("msg", out var msg) ? msg.GetString() : error.ToString());
        }

        if (root.TryGetProperty("result", out _) && root.TryGetProperty("id", out _))
        {
            return new DecodedFrame(FrameKind.SubscribeAck);
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("e", out var type))
        {
            return DecodedFrame.Unknown;
        }

        switch (type.GetString())
        {
            case "kline":
                var k = data.GetProperty("k");
                if (!TryIndex(k.GetProperty("s"), out var klineSymbol))
                {
                    return DecodedFrame.Unknown;
                }

                var row = new KlineRow(
                    JsonNumbers.Millis(k.GetProperty("t")),
                    JsonNumbers.Double(k.GetProperty("o")), JsonNumbers.Double(k.GetProperty("h")), JsonNumbers.Double(k.GetProperty("l")), JsonNumbers.Double(k.GetProperty("c")),
                    JsonNumbers.Double(k.GetProperty("v")), JsonNumbers.Double(k.GetProperty("q")), JsonNumbers.Double(k.GetProperty("Q")));
                handler.OnKline(klineSymbol, row, k.GetProperty("x").GetBoolean());
                return DecodedFrame.Data;
            case "aggTrade" when TryIndex(data.GetProperty("s"), out var tradeSymbol):
                // m: the buyer is the maker, so the taker sold.
                handler.OnTrade(tradeSymbol, new PublicTrade(JsonNumbers.Millis(data.GetProperty("T")), JsonNumbers.Double(data.GetProperty("p")), JsonNumbers.Double(data.GetProperty("q")), !data.GetProperty("m").GetBoolean()));
                return DecodedFrame.Data;
            case "markPriceUpdate" when TryIndex(data.GetProperty("s"), out var markSymbol):
                handler.OnMarkPrice(markSymbol, JsonNumbers.Millis(data.GetProperty("E")), JsonNumbers.Double(data.GetProperty("p")));
                return DecodedFrame.Data;
            case "forceOrder":
                var order = data.GetProperty("o");
                if (!TryIndex(order.GetProperty("s"), out var liquidationSymbol))
                {
                    return DecodedFrame.Unknown;
                }

                // A SELL order closes a long; the notional is filled quantity at the average price.
                var side = order.GetProperty("S").GetString() == "SELL" ? PositionSide.Long : PositionSide.Short;
                var price = JsonNumbers.Double(order.GetProperty("ap"));
                handler.OnLiquidation(liquidationSymbol, new RealizedLiquidation(JsonNumbers.Millis(order.GetProperty("T")), side, price, price * JsonNumbers.Double(order.GetProperty("z"))));
                return DecodedFrame.Data;
            default:
                return DecodedFrame.Unknown;
        }
    }

    private bool TryIndex(JsonElement symbol, out int index) => _index.TryGetValue(symbol.GetString() ?? string.Empty, out index);
}
