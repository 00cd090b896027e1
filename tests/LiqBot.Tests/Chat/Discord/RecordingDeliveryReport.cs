using System.Collections.Concurrent;
using LiqBot.Chat;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Discord;

/// <summary>Keeps what a sender reported, for tests that need no outbox.</summary>
internal sealed class RecordingDeliveryReport : IDeliveryReport
{
    private readonly ConcurrentQueue<(string Outcome, long MessageId, TimeSpan Delay, string Reason)> _reports = new();

    public IReadOnlyList<(string Outcome, long MessageId, TimeSpan Delay, string Reason)> Reports => [.. _reports];

    public Task SentAsync(OutboxMessage message, CancellationToken cancellationToken) => Add("sent", message, TimeSpan.Zero, "");

    public Task RetryLaterAsync(OutboxMessage message, TimeSpan delay, string reason, CancellationToken cancellationToken) => Add("retry", message, delay, reason);

    public Task ChatUnavailableAsync(OutboxMessage message, string reason, CancellationToken cancellationToken) => Add("unavailable", message, TimeSpan.Zero, reason);

    public Task ChatMovedAsync(OutboxMessage message, string newChatId, CancellationToken cancellationToken) => Add("moved", message, TimeSpan.Zero, newChatId);

    public Task FailedAsync(OutboxMessage message, string reason, CancellationToken cancellationToken) => Add("failed", message, TimeSpan.Zero, reason);

    public static OutboxMessage Message(long id, string channelId, byte[]? png = null) => new(
        id, "alert:" + id, new ChatAddress(ChatPlatforms.Discord, channelId), OutboxMessageKind.Alert, "BTC nears the 88k long zone", png,
        TestClock.Start, 1, TestClock.Start, "test", null, OutboxMessageState.Pending, null);

    private Task Add(string outcome, OutboxMessage message, TimeSpan delay, string reason)
    {
        _reports.Enqueue((outcome, message.Id, delay, reason));
        return Task.CompletedTask;
    }
}
