using LiqBot.Storage;

namespace LiqBot.Chat;

/// <summary>How one outbox message went. Exactly one call per message of a batch.</summary>
internal interface IDeliveryReport
{
    /// <summary>The chat accepted it.</summary>
    Task SentAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Retryable (429 retry_after, 5xx, timeout): try again after <paramref name="delay"/>.</summary>
    Task RetryLaterAsync(OutboxMessage message, TimeSpan delay, string reason, CancellationToken cancellationToken);

    /// <summary>The chat is gone or the bot may not post there (403, unknown channel): pause the chat's subscriptions.</summary>
    Task ChatUnavailableAsync(OutboxMessage message, string reason, CancellationToken cancellationToken);

    /// <summary>The chat has a new id (Telegram migrate_to_chat_id): move its subscriptions and retry there.</summary>
    Task ChatMovedAsync(OutboxMessage message, string newChatId, CancellationToken cancellationToken);

    /// <summary>Will never succeed (400 bad request): drop it with the reason.</summary>
    Task FailedAsync(OutboxMessage message, string reason, CancellationToken cancellationToken);
}
