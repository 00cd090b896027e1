namespace LiqBot.Chat;

/// <summary>A command as chats list it. AdminOnly commands are limited to chat admins (Discord: Manage Server).</summary>
internal sealed record CommandDescriptor(string Name, string Description, IReadOnlyList<CommandOptionDescriptor> Options, bool AdminOnly = false);

/// <summary>
/// One positional argument, in order: its name, description, whether it is required, and the
/// choices it takes when they are fixed (windows, alert kinds); empty when free text (a symbol).
/// </summary>
internal sealed record CommandOptionDescriptor(string Name, string Description, bool Required, IReadOnlyList<string> Choices);
