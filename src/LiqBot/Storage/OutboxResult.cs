namespace LiqBot.Storage;

/// <summary>What became of one claimed message, as the outbox records it: sent, failed for good, or due again at <see cref="NotBefore"/>.</summary>
internal sealed record OutboxResult(long MessageId, OutboxMessageState State, DateTimeOffset? NotBefore = null, string? Reason = null)
{
    public static OutboxResult Sent(long messageId) => new(messageId, OutboxMessageState.Sent);

    public static OutboxResult RetryAt(long messageId, DateTimeOffset notBefore, string reason) =>
        new(messageId, OutboxMessageState.Pending, notBefore, reason);

    public static OutboxResult Failed(long messageId, string reason) => new(messageId, OutboxMessageState.Failed, Reason: reason);
}
