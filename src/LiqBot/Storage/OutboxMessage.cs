namespace LiqBot.Storage;

/// <summary>A message as the outbox holds it. Attempts counts claims, so a crash mid-send counts too.</summary>
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
    string? LastError);
