namespace LiqBot.Chat;

/// <summary>
/// A command as chats list it. AdminOnly commands are limited to chat admins (Discord: Manage Server).
/// Example is what /help &lt;command&gt; shows ("/liqmap btc 24h").
/// </summary>
internal sealed record CommandDescriptor(string Name, string Description, IReadOnlyList<CommandOptionDescriptor> Options, bool AdminOnly = false, string? Example = null);

/// <summary>
/// One positional argument, in order: its name, description, whether it is required, and the
/// choices it takes when they are fixed (windows, alert kinds); empty when free text (a symbol).
/// A Number option carries its bounds, so chats that type options (Discord) check them before we do.
/// </summary>
internal sealed record CommandOptionDescriptor(
    string Name,
    string Description,
    bool Required,
    IReadOnlyList<string> Choices,
    CommandOptionKind Kind = CommandOptionKind.Text,
    double? Min = null,
    double? Max = null);
