namespace LiqBot.Chat.Commands;

/// <summary>One chat command: how chats list it, and what it answers.</summary>
internal interface IChatCommand
{
    CommandDescriptor Descriptor { get; }

    Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken);
}
