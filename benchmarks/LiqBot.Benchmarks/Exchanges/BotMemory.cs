using System.Diagnostics;
using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// Peak resident memory of the whole bot, as a process (`dotnet liqbot.dll run`), reading Bybit, Binance
/// and OKX (the fakes on 127.0.0.1) for BTCUSDT and ETHUSDT with <c>days</c> of warm start, answering
/// /liqmap and /heatmap over the 30-day window on the console while it runs. VmHWM and VmRSS come from
/// /proc/PID/status, so this runs on Linux only. BenchmarkDotNet measures allocation, not residency.
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- bot-rss [days] [seconds]
/// </summary>
internal static class BotMemory
{
    private static readonly string[] Commands = ["/liqmap btc 30d", "/heatmap btc 30d", "/liqmap eth 30d", "/heatmap eth 30d", "/zones btc 30d"];

    public static async Task PrintAsync(int days, int seconds, TextWriter output)
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        await using var binance = await FakeBinanceServer.StartAsync();
        await using var okx = await FakeOkxServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("liqbot-rss-");
        var warmStart = TimeSpan.FromDays(days).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["Market__Source"] = "live",
            ["Bybit__RestUrl"] = bybit.RestUrl.ToString(),
            ["Bybit__StreamUrl"] = bybit.StreamUrl.ToString(),
            ["Bybit__WarmStart"] = warmStart,
            ["Binance__RestUrl"] = binance.RestUrl.ToString(),
            ["Binance__StreamUrl"] = binance.StreamUrl.ToString(),
            ["Binance__WarmStart"] = warmStart,
            ["Okx__RestUrl"] = okx.RestUrl.ToString(),
            ["Okx__PublicStreamUrl"] = okx.PublicStreamUrl.ToString(),
            ["Okx__BusinessStreamUrl"] = okx.BusinessStreamUrl.ToString(),
            ["Okx__WarmStart"] = warmStart,
            ["Storage__SqlitePath"] = Path.Combine(folder.FullName, "liqbot.db"),
        };
        using var bot = Start(folder.FullName, environment);
        var replies = new List<string>();
        bot.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Contains("30d", StringComparison.Ordinal))
            {
                lock (replies)
                {
                    replies.Add(line);
                }
            }
        };
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        long peak = 0, last = 0;
        for (var second = 1; second <= seconds && !bot.HasExited; second++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
            if (second % 15 == 0)
            {
                await bot.StandardInput.WriteLineAsync(Commands[second / 15 % Commands.Length]);
            }

            (peak, last) = Read(bot.Id) is { } status ? status : (peak, last);
            if (second % 30 == 0)
            {
                output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F0} s: VmRSS {last / 1024.0,6:F1} MB, VmHWM {peak / 1024.0,6:F1} MB");
            }
        }

        bot.Kill(entireProcessTree: true);
        await bot.WaitForExitAsync();
        output.WriteLine($"3 venues x 2 symbols x {days} days of warm start, {seconds} s: peak RSS (VmHWM) {peak / 1024.0:F1} MB, last VmRSS {last / 1024.0:F1} MB");
        lock (replies)
        {
            output.WriteLine($"{replies.Count} reply lines over 30d, the last of each kind:");
            foreach (var line in replies.GroupBy(r => r.Split(' ')[0]).Select(g => g.Last()))
            {
                output.WriteLine($"  {line}");
            }
        }

        folder.Delete(recursive: true);
    }

    private static Process Start(string folder, Dictionary<string, string> environment)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "src", "LiqBot", "bin", configuration, "net10.0", "liqbot.dll"));
        start.ArgumentList.Add("run");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>VmHWM and VmRSS in kB, or null once the process is gone.</summary>
    private static (long Peak, long Now)? Read(int pid)
    {
        try
        {
            var lines = File.ReadAllLines($"/proc/{pid}/status");
            return (Kilobytes(lines, "VmHWM:"), Kilobytes(lines, "VmRSS:"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Kilobytes(string[] lines, string key) =>
        long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
