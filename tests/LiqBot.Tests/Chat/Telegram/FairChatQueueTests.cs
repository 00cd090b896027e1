using LiqBot.Chat.Telegram;
using LiqBot.Storage;

namespace LiqBot.Tests.Chat.Telegram;

public sealed class FairChatQueueTests
{
    [Fact]
    public void Turns_GiveEachChatOneMessageATurn_InTheirOwnOrder()
    {
        var queue = new FairChatQueue([(1, Message(1)), (1, Message(2)), (1, Message(3)), (2, Message(4)), (3, Message(5)), (2, Message(6))]);
        var order = new List<long>();

        while (queue.Count > 0)
        {
            foreach (var chat in queue.Turns())
            {
                order.Add(queue.Take(chat).Id);
            }
        }

        Assert.Equal([1, 4, 5, 2, 6, 3], order);
    }

    [Fact]
    public void TakeAll_RemovesOnlyThatChat()
    {
        var queue = new FairChatQueue([(1, Message(1)), (2, Message(2)), (1, Message(3))]);

        Assert.Equal([1, 3], queue.TakeAll(1).Select(m => m.Id));
        Assert.Equal(1, queue.Count);
        Assert.Equal([2L], queue.Turns());
    }

    private static OutboxMessage Message(long id) => new(
        id, "k" + id, new ChatAddress(ChatPlatforms.Telegram, "1"), OutboxMessageKind.Alert, "t", null,
        DateTimeOffset.UnixEpoch, 1, DateTimeOffset.UnixEpoch, null, null, OutboxMessageState.Pending, null);
}
