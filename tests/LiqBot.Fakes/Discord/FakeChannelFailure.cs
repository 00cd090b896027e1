namespace LiqBot.Fakes.Discord;

/// <summary>A scripted answer for a channel: the HTTP status and Discord's JSON error code and message.</summary>
public sealed record FakeChannelFailure(int Status, int Code, string Message)
{
    public static FakeChannelFailure MissingAccess { get; } = new(403, 50001, "Missing Access");

    public static FakeChannelFailure MissingPermissions { get; } = new(403, 50013, "Missing Permissions");

    public static FakeChannelFailure UnknownChannel { get; } = new(404, 10003, "Unknown Channel");
}
