using LiqBot.Hosting;
using Microsoft.Extensions.Hosting;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Hosting;

/// <summary>Runs the whole bot in process on the console chat: a replay, a real SQLite file, typed commands in, output captured.</summary>
internal static class ConsoleBot
{
    public static async Task<string> RunAsync(TempDirectory folder, string replayFile, string commands, params string[] configuration)
    {
        using var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        string[] args =
        [
            $"--Storage:SqlitePath={folder.File("liqbot.db")}",
            "--Market:Source=replay",
            "--Logging:LogLevel:Default=Warning",
            .. configuration,
        ];
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder.Path);
        try
        {
            using var host = BotHost.Build(args, replayFile, "max", new StringReader(commands), synchronized, RepoPaths.Root);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.RunAsync(timeout.Token);
            Assert.False(timeout.IsCancellationRequested, "the bot did not stop at the end of its input");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        return output.ToString();
    }
}
