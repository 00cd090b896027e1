namespace LiqBot.Storage;

/// <summary>
/// Outbound messages between the decision to send and the chat's acceptance. Senders claim due
/// messages under a lease, so instances never send one concurrently, and a sender that dies
/// mid-send leaves a lease that runs out, after which the message is claimed again.
/// </summary>
internal interface IOutbox
{
    /// <summary>Stores the message unless one with the same dedupe key is already there for that chat; false if it was.</summary>
    Task<bool> EnqueueAsync(OutboxEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxCount"/> pending messages for the platform that are due and not leased,
    /// command replies first, then oldest first, now leased to <paramref name="leaseOwner"/> until now + <paramref name="lease"/>.
    /// </summary>
    /// <remarks>
    /// With <paramref name="urgentOnly"/>, only what should not wait for a batch in flight: messages claimed before
    /// (rescheduled after a failure) and command replies.
    /// </remarks>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        string platform, string leaseOwner, int maxCount, TimeSpan lease, CancellationToken cancellationToken, bool urgentOnly = false);

    /// <summary>The chat accepted it: it is never claimed again. False if it was no longer pending.</summary>
    Task<bool> MarkSentAsync(long messageId, CancellationToken cancellationToken);

    /// <summary>A retryable failure (429, 5xx, timeout): claimable again from <paramref name="notBefore"/>.</summary>
    Task<bool> RescheduleAsync(long messageId, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken);

    /// <summary>A permanent failure (403, 400): never claimed again.</summary>
    Task<bool> MarkFailedAsync(long messageId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Several messages' results in one transaction (one commit, one wait for the write lock); for each,
    /// in order, whether it was still pending and so changed.
    /// </summary>
    Task<IReadOnlyList<bool>> RecordAsync(IReadOnlyList<OutboxResult> results, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of the messages still claimed under <paramref name="leaseOwner"/> to now + <paramref name="lease"/>:
    /// the heartbeat of a live sender, so a short lease only runs out when its process died.
    /// </summary>
    Task<int> RenewLeaseAsync(string leaseOwner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// The platform's deliveries recorded at or after <paramref name="since"/>, oldest first: what a fresh
    /// process's rate limiter must count so it keeps the per-chat limits its predecessor was using up.
    /// </summary>
    Task<IReadOnlyList<RecentSend>> ListSentSinceAsync(string platform, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Pending messages, for one platform or all when <paramref name="platform"/> is null (health, metrics, drain).</summary>
    Task<int> CountPendingAsync(string? platform, CancellationToken cancellationToken);

    Task<OutboxMessage?> GetAsync(long messageId, CancellationToken cancellationToken);

    /// <summary>Deletes sent and failed messages created before <paramref name="createdBefore"/>; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
