namespace LiqBot.Chat;

/// <summary>What an option holds: free text (or a choice), or a number with optional bounds.</summary>
internal enum CommandOptionKind
{
    Text,
    Number,
}
