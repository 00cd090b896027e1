using System.Text.Json.Nodes;

namespace LiqBot.Chat.Discord;

/// <summary>The payloads the client sends. Identify asks for no intents: INTERACTION_CREATE needs none.</summary>
internal static class GatewayCommands
{
    public const int Intents = 0;

    public static string Heartbeat(long? sequence) => new JsonObject { ["op"] = GatewayPayload.Heartbeat, ["d"] = sequence }.ToJsonString();

    public static string Identify(string token, int shardId, int shardCount) => new JsonObject
    {
        ["op"] = GatewayPayload.Identify,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = Intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "liqbot", ["device"] = "liqbot" },
            ["shard"] = new JsonArray(shardId, shardCount),
        },
    }.ToJsonString();

    public static string Resume(string token, string sessionId, long? sequence) => new JsonObject
    {
        ["op"] = GatewayPayload.Resume,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = sequence },
    }.ToJsonString();
}
