namespace LiqBot.Storage;

/// <summary>
/// A message to put in the outbox. DedupeKey names the event (for example "proximity:BTCUSDT:long:88000:2026-11-21T04:00Z");
/// the same key for the same chat is only ever stored, and so sent, once. A command reply names the message it
/// answers (<paramref name="ReplyToMessageId"/>) and the forum topic it was posted in (<paramref name="ReplyThreadId"/>).
/// </summary>
internal sealed record OutboxEnvelope(
    string DedupeKey,
    ChatAddress Chat,
    OutboxMessageKind Kind,
    string Text,
    byte[]? Png = null,
    DateTimeOffset? NotBefore = null,
    long? ReplyToMessageId = null,
    long? ReplyThreadId = null)
{
    public const int MaxDedupeKeyLength = 200;

    public string DedupeKey { get; } = !string.IsNullOrEmpty(DedupeKey) && DedupeKey.Length <= MaxDedupeKeyLength
        ? DedupeKey
        : throw new ArgumentException($"A dedupe key must be 1 to {MaxDedupeKeyLength} characters.", nameof(DedupeKey));
}
