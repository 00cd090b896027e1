using LiqBot.Cli;

namespace LiqBot.Tests.TestSupport;

/// <summary>Runs the CLI in process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LiqBotCli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Exit 2, nothing on stdout, exactly one line on stderr that contains <paramref name="expected"/>.</summary>
    public void AssertBadInput(string expected)
    {
        Assert.Equal(2, ExitCode);
        Assert.Equal(string.Empty, Stdout);
        var line = Assert.Single(Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }
}
