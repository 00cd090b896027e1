namespace LiqBot.Cli;

/// <summary>Bad usage or bad input: the CLI prints the message on one line and exits 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
