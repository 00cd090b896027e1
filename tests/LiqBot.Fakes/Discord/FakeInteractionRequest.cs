namespace LiqBot.Fakes.Discord;

/// <summary>
/// A slash command for the fake to dispatch. Defaults: a guild member with everyday permissions
/// (view, send, embed, attach, use commands) and no Manage Server. GuildId null means a DM.
/// </summary>
public sealed record FakeInteractionRequest(string Command, IReadOnlyDictionary<string, string>? Options = null)
{
    public const string EverydayPermissions = "2147534848";
    public const string ManageServerPermissions = "2147534880";

    public string? GuildId { get; init; } = "290926798626357999";

    public string ChannelId { get; init; } = "645027906669510667";

    public string UserId { get; init; } = "53908232506183680";

    public string Permissions { get; init; } = EverydayPermissions;

    public IReadOnlyList<string> Roles { get; init; } = [];
}
