using System.Collections.Concurrent;
using System.Diagnostics;

namespace LiqBot.Tests.TestSupport;

/// <summary>The real bot as a separate process (`dotnet liqbot.dll run ...` or another verb), its output captured, interruptible like Ctrl+C, killable like kill -9.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;

    private BotProcess(Process process) => _process = process;

    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Standard output's lines (the console chat's replies and alerts).</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>The process's resident memory now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The host built next to the tests (same configuration), started in <paramref name="workingFolder"/>.</summary>
    public static BotProcess Start(string workingFolder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var host = Path.Combine(RepoPaths.Root, "src", "LiqBot", "bin", configuration, "net10.0", "liqbot.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var bot = new BotProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                bot.Errors.Enqueue(line);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                bot.Output.Enqueue(line);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return bot;
    }

    /// <summary>Ends standard input (the console chat then stops after a replay) and waits for the exit code.</summary>
    public async Task<int> EndInputAndWaitAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Types one line on the console chat (a command).</summary>
    public async Task SayAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public bool Logged(string text) => Errors.Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Sends SIGINT (as Ctrl+C) and waits for the exit code.</summary>
    public async Task<int> InterruptAndWaitAsync()
    {
        using (var kill = Process.Start("kill", ["-s", "INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once, with no chance to clean up (as kill -9).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
