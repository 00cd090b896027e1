using LiqBot.Storage;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// A batch's messages in turns: each chat in rotation gets one message a turn, in its own order,
/// so a chat with many messages never holds back the others. Every operation is O(1) per chat.
/// </summary>
internal sealed class FairChatQueue
{
    private readonly Dictionary<long, (Queue<OutboxMessage> Messages, LinkedListNode<long> Turn)> _byChat = [];
    private readonly LinkedList<long> _rotation = new();

    public FairChatQueue(IEnumerable<(long ChatId, OutboxMessage Message)> messages)
    {
        foreach (var (chatId, message) in messages)
        {
            if (!_byChat.TryGetValue(chatId, out var chat))
            {
                chat = (new Queue<OutboxMessage>(), _rotation.AddLast(chatId));
                _byChat[chatId] = chat;
            }

            chat.Messages.Enqueue(message);
            Count++;
        }
    }

    public int Count { get; private set; }

    /// <summary>
    /// The chats waiting, one turn's worth in rotation order. The chat just yielded may be taken
    /// from while going through; chats sent to the back meanwhile are not visited twice.
    /// </summary>
    public IEnumerable<long> Turns()
    {
        var node = _rotation.First;
        for (var left = _rotation.Count; node is not null && left > 0; left--)
        {
            var next = node.Next;
            yield return node.Value;
            node = next;
        }
    }

    /// <summary>The chat's next message; the chat goes to the back of the rotation, or leaves it when done.</summary>
    public OutboxMessage Take(long chatId)
    {
        var chat = _byChat[chatId];
        var message = chat.Messages.Dequeue();
        Count--;
        _rotation.Remove(chat.Turn);
        if (chat.Messages.Count > 0)
        {
            _rotation.AddLast(chat.Turn);
        }
        else
        {
            _byChat.Remove(chatId);
        }

        return message;
    }

    /// <summary>All the chat's messages, leaving none.</summary>
    public IReadOnlyList<OutboxMessage> TakeAll(long chatId)
    {
        if (!_byChat.Remove(chatId, out var chat))
        {
            return [];
        }

        _rotation.Remove(chat.Turn);
        Count -= chat.Messages.Count;
        return [.. chat.Messages];
    }

    /// <summary>Everything left, in turn order, leaving none.</summary>
    public IReadOnlyList<OutboxMessage> TakeEverything()
    {
        var all = _rotation.SelectMany(chatId => _byChat[chatId].Messages).ToList();
        _byChat.Clear();
        _rotation.Clear();
        Count = 0;
        return all;
    }
}
