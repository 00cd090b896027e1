using LiqBot.Storage;

namespace LiqBot.Alerts;

/// <summary>
/// Before a batch is sent, gives each alert message the image stored once for its alert (by dedupe key).
/// The last image read is kept, so a fan-out to many chats reads it once per instance, not once per chat.
/// An alert without an image (its render failed) goes out as text.
/// </summary>
internal sealed class AlertImageAttacher(IAlertImageStore images)
{
    private CachedImage? _last;

    public async Task<IReadOnlyList<OutboxMessage>> AttachAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        if (!batch.Any(NeedsImage))
        {
            return batch;
        }

        var attached = new List<OutboxMessage>(batch.Count);
        foreach (var message in batch)
        {
            attached.Add(NeedsImage(message) && await ImageAsync(message.DedupeKey, cancellationToken) is { } png ? message with { Png = png } : message);
        }

        return attached;
    }

    private static bool NeedsImage(OutboxMessage message) => message.Kind == OutboxMessageKind.Alert && message.Png is null;

    private async Task<byte[]?> ImageAsync(string key, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _last) is { } last && last.Key == key)
        {
            return last.Png;
        }

        var png = await images.GetAsync(key, cancellationToken);
        Volatile.Write(ref _last, new CachedImage(key, png));
        return png;
    }

    private sealed record CachedImage(string Key, byte[]? Png);
}
