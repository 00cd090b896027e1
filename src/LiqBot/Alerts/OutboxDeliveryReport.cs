using LiqBot.Chat;
using LiqBot.Operations;
using LiqBot.Storage;

namespace LiqBot.Alerts;

/// <summary>
/// Turns what a sender reports into outbox and subscription changes. Outbox results go through the
/// process's one <see cref="OutboxResultWriter"/>, so answers that arrive together are committed
/// together, and each call returns once its result is committed. These writes ignore the caller's
/// cancellation: once a chat has accepted a message, failing to record it because the host is
/// stopping would send it again after the restart.
/// </summary>
internal sealed partial class OutboxDeliveryReport(OutboxResultWriter results, ISubscriptionStore store, BotMetrics metrics, TimeProvider time, ILogger<OutboxDeliveryReport> logger) : IDeliveryReport
{
    public Task SentAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        metrics.MessageSent();
        return results.RecordAsync(OutboxResult.Sent(message.Id));
    }

    public Task RetryLaterAsync(OutboxMessage message, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        metrics.MessageRetried(rateLimited: reason.Contains("429", StringComparison.Ordinal));
        LogRetrying(message.Id, message.Chat, reason, delay);
        return results.RecordAsync(OutboxResult.RetryAt(message.Id, time.GetUtcNow() + delay, reason));
    }

    public async Task ChatUnavailableAsync(OutboxMessage message, string reason, CancellationToken cancellationToken)
    {
        LogChatPaused(message.Chat.ToString(), reason);
        metrics.MessageFailed();
        await store.PauseChatAsync(message.Chat, reason, CancellationToken.None);
        await results.RecordAsync(OutboxResult.Failed(message.Id, reason));
    }

    public async Task ChatMovedAsync(OutboxMessage message, string newChatId, CancellationToken cancellationToken)
    {
        var moved = new ChatAddress(message.Chat.Platform, newChatId);
        LogChatMoved(message.Chat, moved);
        await store.MoveChatAsync(message.Chat, moved, CancellationToken.None);
        await results.RecordAsync(OutboxResult.RetryAt(message.Id, time.GetUtcNow(), "chat moved to " + moved));
    }

    public Task FailedAsync(OutboxMessage message, string reason, CancellationToken cancellationToken)
    {
        LogFailed(message.Id, message.Chat.ToString(), reason);
        metrics.MessageFailed();
        return results.RecordAsync(OutboxResult.Failed(message.Id, reason));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {Id} to {Chat} not delivered ({Reason}); trying again in {Delay}")]
    private partial void LogRetrying(long id, ChatAddress chat, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {Chat} paused: {Reason}")]
    private partial void LogChatPaused(string chat, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {From} moved to {To}")]
    private partial void LogChatMoved(ChatAddress from, ChatAddress to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} to {Chat} failed for good: {Reason}")]
    private partial void LogFailed(long id, string chat, string reason);
}
