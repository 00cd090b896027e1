using LiqBot.Engine.Alerts;

namespace LiqBot.Storage;

/// <summary>
/// A chat's interest in one symbol's alerts. PausedReason is the chat's pause (for example the bot
/// was removed from it); a paused chat keeps its subscriptions but receives nothing.
/// </summary>
internal sealed record Subscription(
    ChatAddress Chat,
    string Symbol,
    AlertKinds Kinds,
    DateTimeOffset CreatedAt,
    string? PausedReason)
{
    public bool IsPaused => PausedReason is not null;
}
