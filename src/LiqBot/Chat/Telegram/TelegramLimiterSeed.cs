using System.Data.Common;
using LiqBot.Storage;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Tells <see cref="TelegramRateLimiter"/> what the outbox says was sent in the last minute, before the
/// process's first batch (a restart must not break the per-chat and per-group limits its predecessor was
/// using up) and before any batch holding messages claimed before (a dead process's work taken over, or
/// a retry). Without a store (console and unit setups) it does nothing.
/// </summary>
internal sealed partial class TelegramLimiterSeed(TelegramRateLimiter limiter, TimeProvider time, ILogger<TelegramLimiterSeed> logger, IOutbox? outbox = null)
{
    private int _seeded;

    public async Task BeforeBatchAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        if (outbox is null || (Volatile.Read(ref _seeded) == 1 && !batch.Any(m => m.Attempts > 1)))
        {
            return;
        }

        try
        {
            var sends = await outbox.ListSentSinceAsync(ChatPlatforms.Telegram, time.GetUtcNow() - TelegramRateLimiter.SeedWindow, cancellationToken);
            var seeded = sends.Select(s => (ChatId: long.TryParse(s.ChatId, out var id) ? id : 0, s.SentAt)).Where(s => s.ChatId != 0).ToList();
            limiter.Seed(seeded);
            if (Interlocked.Exchange(ref _seeded, 1) == 0)
            {
                var chats = seeded.Select(s => s.ChatId).Distinct().Count();
                LogSeeded(seeded.Count, chats);
            }
        }
        catch (Exception e) when (e is DbException or StorageException or TimeoutException)
        {
            // Sending goes on with what the limiter knows; the next batch tries again.
            LogSeedFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram rate limiter starts from {Count} sends to {Chats} chats in the last minute")]
    private partial void LogSeeded(int count, int chats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read recent Telegram sends from the outbox; the rate limiter starts from what it knows")]
    private partial void LogSeedFailed(Exception exception);
}
