namespace LiqBot.Storage;

/// <summary>One chat on one platform: a Discord channel, a Telegram chat, or the console.</summary>
internal sealed record ChatAddress(string Platform, string ChatId)
{
    /// <summary>Longer than any id Discord (snowflake) or Telegram (signed 64-bit) hands out.</summary>
    public const int MaxChatIdLength = 64;

    public string Platform { get; } = ChatPlatforms.IsKnown(Platform)
        ? Platform
        : throw new ArgumentException(
            $"Unknown chat platform '{Platform}'; expected one of {string.Join(", ", ChatPlatforms.All)}.",
            nameof(Platform));

    public string ChatId { get; } = !string.IsNullOrWhiteSpace(ChatId) && ChatId.Length <= MaxChatIdLength
        ? ChatId
        : throw new ArgumentException($"A chat id must be 1 to {MaxChatIdLength} characters.", nameof(ChatId));

    public override string ToString() => $"{Platform}:{ChatId}";
}
