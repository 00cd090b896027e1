namespace LiqBot.Storage;

/// <summary>
/// A message as the outbox holds it. Attempts counts claims, so a crash mid-send counts too. A command reply
/// keeps the message it answers and its forum topic (see <see cref="OutboxEnvelope"/>).
/// </summary>
internal sealed record OutboxMessage(
    long Id,
    string DedupeKey,
    ChatAddress Chat,
    OutboxMessageKind Kind,
    string Text,
    byte[]? Png,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NotBefore,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    OutboxMessageState State,
    string? LastError,
    long? ReplyToMessageId = null,
    long? ReplyThreadId = null);
