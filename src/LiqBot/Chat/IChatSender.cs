using LiqBot.Storage;

namespace LiqBot.Chat;

/// <summary>
/// Delivers outbox messages on one platform, paced within that platform's rate limits and fair
/// between chats. It reports every message's fate to <see cref="IDeliveryReport"/>; the outbox
/// dispatcher turns those reports into outbox and subscription changes.
/// </summary>
internal interface IChatSender
{
    /// <summary>"discord", "telegram" or "console" (see ChatPlatforms).</summary>
    string Platform { get; }

    /// <summary>Sends a claimed batch; returns when every message of it has been reported.</summary>
    Task SendAsync(IReadOnlyList<OutboxMessage> batch, IDeliveryReport report, CancellationToken cancellationToken);
}
