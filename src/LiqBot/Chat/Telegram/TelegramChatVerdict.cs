using LiqBot.Storage;

namespace LiqBot.Chat.Telegram;

/// <summary>What happens to a chat's other messages in a batch once one answer settled the chat's fate (or a message must wait).</summary>
internal sealed record TelegramChatVerdict(bool IsUnavailable, TimeSpan Delay, string Reason)
{
    public static TelegramChatVerdict Unavailable(string reason) => new(true, TimeSpan.Zero, reason);

    public static TelegramChatVerdict Later(TimeSpan delay, string reason) => new(false, delay == TimeSpan.MaxValue ? TimeSpan.FromSeconds(1) : delay, reason);

    public Func<IDeliveryReport, Task> ReportFor(OutboxMessage message) => IsUnavailable
        ? r => r.ChatUnavailableAsync(message, Reason, CancellationToken.None)
        : r => r.RetryLaterAsync(message, Delay, Reason, CancellationToken.None);
}
