using System.Security.Cryptography;
using System.Text;
using LiqBot.Storage;

namespace LiqBot.Chat.Discord;

/// <summary>
/// The nonce of an outbox message: the same for every retry of it (Discord, with enforce_nonce,
/// then returns the message it already created instead of posting again), 25 characters at most.
/// </summary>
internal static class DiscordNonce
{
    public const int MaxLength = 25;

    public static string For(OutboxMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{message.Chat}\n{message.DedupeKey}"));
        var text = Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_');
        return text[..MaxLength];
    }
}
