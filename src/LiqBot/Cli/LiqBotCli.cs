using System.CommandLine;
using LiqBot.Exchanges.Replay;

namespace LiqBot.Cli;

/// <summary>
/// The command line: VERB [options]. Every verb returns an exit code; bad input becomes one line on
/// stderr and exit 2, other failures one line and exit 1. No stack trace reaches the user.
/// </summary>
internal static class LiqBotCli
{
    private static readonly string[] VerbNames = ["run", "zones", "render", "backtest", "record"];

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CancellationToken cancellationToken = default)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        if (args.Length > 0 && !args[0].StartsWith('-') && !VerbNames.Contains(args[0]))
        {
            await stderr.WriteLineAsync($"liqbot: unknown verb '{(args[0].Length <= 40 ? args[0] : args[0][..40] + "...")}': use {string.Join(", ", VerbNames)} (see --help)");
            return ExitCodes.BadInput;
        }

        var root = BuildRoot(stdout);
        var parse = root.Parse(WithDefaultVerb(args));
        if (parse.Errors.Count > 0)
        {
            await stderr.WriteLineAsync($"liqbot: {parse.Errors[0].Message} (see --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            // Ctrl+C or SIGTERM cancels the verb's token; past this the process ends without it. The default 2 s
            // could cut `record` before its file is closed and the bot before its outbox drained (10 s).
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e) when (e is UsageException or MarketDataException)
        {
            await stderr.WriteLineAsync($"liqbot: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"liqbot: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static RootCommand BuildRoot(TextWriter stdout)
    {
        var root = new RootCommand("LiqBot: estimated liquidation maps from Bybit market data, for Discord and Telegram.");
        foreach (var verb in Verbs.All(stdout))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    /// <summary>`run` is the default verb: `liqbot --replay f.csv` means `liqbot run --replay f.csv`.</summary>
    private static string[] WithDefaultVerb(string[] args)
    {
        if (args.Length > 0 && (VerbNames.Contains(args[0]) || args[0] is "-h" or "--help" or "-?" or "--version"))
        {
            return args;
        }

        return ["run", .. args];
    }
}
