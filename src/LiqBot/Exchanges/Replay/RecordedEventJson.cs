using System.Text.Json;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// A version 2 recording's event lines, one engine event each, tagged with venue, symbol and receive time:
/// <c>{"t":ms,"v":"okx","s":"BTCUSDT","bar":[openMs,durationMs,open,high,low,close,oiUsd,vwap,takerBuyUsd,takerSellUsd,liqLongUsd,liqShortUsd]}</c>,
/// <c>"liq":[ms,"long"|"short",price,usd]</c> or <c>"px":[ms,price]</c>; unknown figures are null.
/// </summary>
public static class RecordedEventJson
{
    public static void Write(Utf8JsonWriter json, long receivedMs, Venue venue, MarketEvent marketEvent)
    {
        json.WriteStartObject();
        json.WriteNumber("t", receivedMs);
        json.WriteString("v", venue.Key);
        json.WriteString("s", marketEvent.Symbol);
        switch (marketEvent)
        {
            case BarClosed { Bar: var bar }:
                json.WriteStartArray("bar");
                json.WriteNumberValue(bar.OpenTime.ToUnixTimeMilliseconds());
                json.WriteNumberValue((long)bar.Duration.TotalMilliseconds);
                foreach (var figure in (ReadOnlySpan<double?>)[bar.Open, bar.High, bar.Low, bar.Close, bar.OpenInterestUsd, bar.Vwap, bar.TakerBuyUsd, bar.TakerSellUsd, bar.LiquidatedLongUsd, bar.LiquidatedShortUsd])
                {
                    Number(json, figure);
                }

                json.WriteEndArray();
                break;
            case LiquidationReported { Liquidation: var liquidation }:
                json.WriteStartArray("liq");
                json.WriteNumberValue(liquidation.Time.ToUnixTimeMilliseconds());
                json.WriteStringValue(liquidation.Side == PositionSide.Long ? "long" : "short");
                Number(json, liquidation.Price);
                Number(json, liquidation.NotionalUsd);
                json.WriteEndArray();
                break;
            case PriceTicked tick:
                json.WriteStartArray("px");
                json.WriteNumberValue(tick.Time.ToUnixTimeMilliseconds());
                Number(json, tick.Price);
                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"{marketEvent.GetType().Name} is not recorded.", nameof(marketEvent));
        }

        json.WriteEndObject();
    }

    /// <exception cref="InvalidDataException">The line is not an event line.</exception>
    public static RecordedEvent Parse(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var received = root.GetProperty("t").GetInt64();
            var venue = Venue.TryParse(root.GetProperty("v").GetString(), out var v) ? v : throw new FormatException("unknown venue");
            var symbol = root.GetProperty("s").GetString() ?? throw new FormatException("no symbol");
            MarketEvent marketEvent =
                root.TryGetProperty("bar", out var bar) ? new BarClosed(symbol, ReadBar(bar))
                : root.TryGetProperty("liq", out var liq) ? new LiquidationReported(symbol, new RealizedLiquidation(Time(liq[0]), Side(liq[1]), liq[2].GetDouble(), liq[3].GetDouble()))
                : root.TryGetProperty("px", out var px) ? new PriceTicked(symbol, Time(px[0]), px[1].GetDouble())
                : throw new FormatException("no event");
            return new RecordedEvent(received, venue, marketEvent);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException("not a recorded event.", e);
        }
    }

    private static Bar ReadBar(JsonElement a) => a.GetArrayLength() != 12
        ? throw new FormatException("a bar has 12 figures")
        : new Bar(Time(a[0]), TimeSpan.FromMilliseconds(a[1].GetInt64()), a[2].GetDouble(), a[3].GetDouble(), a[4].GetDouble(), a[5].GetDouble(), a[6].GetDouble(), Optional(a[7]), Optional(a[8]), Optional(a[9]), Optional(a[10]), Optional(a[11]));

    private static DateTimeOffset Time(JsonElement ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms.GetInt64());

    private static PositionSide Side(JsonElement side) => side.GetString() switch
    {
        "long" => PositionSide.Long,
        "short" => PositionSide.Short,
        _ => throw new FormatException("side is long or short"),
    };

    private static double? Optional(JsonElement figure) => figure.ValueKind == JsonValueKind.Null ? null : figure.GetDouble();

    /// <summary>JSON has no NaN or infinity; the record check keeps them from the engine, so none should come here.</summary>
    private static void Number(Utf8JsonWriter json, double? figure)
    {
        if (figure is { } value && double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
