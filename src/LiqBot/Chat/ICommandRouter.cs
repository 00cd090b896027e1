namespace LiqBot.Chat;

/// <summary>Turns a command into a reply, the same on every chat. Never throws for bad input: it replies with the reason.</summary>
internal interface ICommandRouter
{
    /// <summary>The commands, for Discord's slash command registration and Telegram's setMyCommands.</summary>
    IReadOnlyList<CommandDescriptor> Commands { get; }

    Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken);
}
