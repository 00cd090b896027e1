using LiqBot.Storage;

namespace LiqBot.Chat;

/// <summary>
/// A command as a chat adapter received it: "/liqmap btc 24h" is Command "liqmap", Arguments
/// ["btc", "24h"]. IsAdminAsync is the adapter's own check (Discord member permissions, Telegram
/// getChatMember, the console's user is an admin); the router calls it only for admin commands.
/// Progress, when the adapter can, sends a line ahead of the reply ("Warming up SOLUSDT ...").
/// </summary>
internal sealed record ChatRequest(
    ChatAddress Chat,
    string UserId,
    string Command,
    IReadOnlyList<string> Arguments,
    Func<CancellationToken, ValueTask<bool>> IsAdminAsync,
    Func<string, CancellationToken, Task>? Progress = null);
