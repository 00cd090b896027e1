namespace LiqBot.Cli;

/// <summary>The exit codes design.md fixes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
