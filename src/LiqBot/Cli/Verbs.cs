using System.CommandLine;

namespace LiqBot.Cli;

/// <summary>The verbs of the CLI contract in design.md.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All(TextWriter stdout)
    {
        return [RunVerb.Create(stdout), ZonesVerb.Create(stdout), RenderVerb.Create(stdout), BacktestVerb.Create(stdout), RecordVerb.Create(stdout)];
    }
}
