using System.Text.Json;

namespace LiqBot.Exchanges;

/// <summary>Parses a venue frame and hands its root to the venue's decoder; a frame that is no JSON, or lacks what the decoder reads, is malformed.</summary>
internal static class FrameJson
{
    public static DecodedFrame Decode<THandler>(ReadOnlySpan<byte> frame, THandler handler, Func<JsonElement, THandler, DecodedFrame> decode)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? decode(doc.RootElement, handler) : DecodedFrame.Malformed;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or IndexOutOfRangeException or OverflowException)
        {
            return DecodedFrame.Malformed;
        }
    }
}
