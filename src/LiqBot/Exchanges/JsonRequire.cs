using System.Text.Json;

namespace LiqBot.Exchanges;

/// <summary>A frame that lacks what its decoder reads is malformed: the decoders' one way to say so.</summary>
internal static class JsonRequire
{
    public static void That(bool present, string what)
    {
        if (!present)
        {
            throw new JsonException($"Incomplete {what}.");
        }
    }
}
