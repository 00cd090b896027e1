namespace LiqBot.Chat.Discord;

/// <summary>
/// One REST call: its method, route template (what logs show: paths of interaction routes carry
/// tokens), the concrete path, and the top-level resource Discord keys rate limits by.
/// Interaction routes are exempt from the global limit and need no per-route bucket (one call each).
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction = false)
{
    public string BucketKey => $"{Method.Method} {Template} {MajorParameter}";

    public override string ToString() => $"{Method.Method} {Template}";

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "");

    public static DiscordRoute GlobalCommands(string applicationId) =>
        new(HttpMethod.Put, "/applications/{application.id}/commands", $"/applications/{applicationId}/commands", "");

    public static DiscordRoute GuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, "/applications/{application.id}/guilds/{guild.id}/commands", $"/applications/{applicationId}/guilds/{guildId}/commands", guildId);

    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction.id}/{interaction.token}/callback", $"/interactions/{interactionId}/{token}/callback", interactionId, IsInteraction: true);

    public static DiscordRoute FollowUp(string applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{application.id}/{interaction.token}", $"/webhooks/{applicationId}/{token}", applicationId, IsInteraction: true);

    public static DiscordRoute DeleteOriginal(string applicationId, string token) =>
        new(HttpMethod.Delete, "/webhooks/{application.id}/{interaction.token}/messages/@original", $"/webhooks/{applicationId}/{token}/messages/@original", applicationId, IsInteraction: true);

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel.id}/messages", $"/channels/{channelId}/messages", channelId);
}
