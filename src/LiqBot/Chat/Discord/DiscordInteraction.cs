using System.Text.Json;

namespace LiqBot.Chat.Discord;

/// <summary>
/// The parts of an INTERACTION_CREATE the bot uses. Member fields are null in DMs, where Discord
/// sends "user" instead of "member".
/// </summary>
internal sealed record DiscordInteraction(
    string Id,
    string Token,
    string ApplicationId,
    int Type,
    string? CommandName,
    IReadOnlyDictionary<string, string> Options,
    string? GuildId,
    string? ChannelId,
    string? UserId,
    string? MemberPermissions,
    IReadOnlyList<string> MemberRoles)
{
    public const int ApplicationCommand = 2;

    public bool IsInGuild => GuildId is not null;

    public static DiscordInteraction Parse(JsonElement d)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        if (d.TryGetProperty("data", out var data))
        {
            name = Text(data, "name");
            if (data.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var option in list.EnumerateArray())
                {
                    if (Text(option, "name") is { } key && option.TryGetProperty("value", out var value))
                    {
                        options[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    }
                }
            }
        }

        var hasMember = d.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object;
        var user = hasMember && member.TryGetProperty("user", out var memberUser) ? memberUser
            : d.TryGetProperty("user", out var dmUser) ? dmUser : default;
        var roles = hasMember && member.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(role => role.GetString() ?? "").ToList()
            : [];

        return new DiscordInteraction(
            Text(d, "id") ?? throw new JsonException("interaction without id"),
            Text(d, "token") ?? throw new JsonException("interaction without token"),
            Text(d, "application_id") ?? "",
            d.TryGetProperty("type", out var type) ? type.GetInt32() : 0,
            name,
            options,
            Text(d, "guild_id"),
            Text(d, "channel_id") ?? (d.TryGetProperty("channel", out var channel) ? Text(channel, "id") : null),
            user.ValueKind == JsonValueKind.Object ? Text(user, "id") : null,
            hasMember ? Text(member, "permissions") : null,
            roles);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
