using BenchmarkDotNet.Running;
using LiqBot.Benchmarks.Engine;

// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- state-size
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- first-render
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- decode-cpu [iterations] (Linux: decode + apply timed by thread CPU time)
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- bot-rss [days] [seconds] (Linux: peak RSS of the whole bot on the three fakes)
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- fanout sqlite|postgres telegram|discord|instant CHATS
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- reply-latency sqlite|postgres COMMANDS FANOUT (Telegram update to reply through the outbox)
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- recent-sends sqlite|postgres CHATS OLD (seeding the Telegram limiter at start)
// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- tune FILE... (development bars only: each file is cut at 2026-06-01)
if (args is ["state-size"])
{
    StateSize.Print(Console.Out);
    return;
}

if (args is ["first-render"])
{
    LiqBot.Benchmarks.Rendering.FirstRender.Print(Console.Out);
    return;
}

if (args is ["decode-cpu", .. var cpu])
{
    LiqBot.Benchmarks.Exchanges.DecodeCpuTime.Print(cpu.Length > 0 ? int.Parse(cpu[0], System.Globalization.CultureInfo.InvariantCulture) : 30, Console.Out);
    return;
}

if (args is ["bot-rss", .. var rss])
{
    await LiqBot.Benchmarks.Exchanges.BotMemory.PrintAsync(rss.Length > 0 ? int.Parse(rss[0], System.Globalization.CultureInfo.InvariantCulture) : 30, rss.Length > 1 ? int.Parse(rss[1], System.Globalization.CultureInfo.InvariantCulture) : 150, Console.Out);
    return;
}

if (args is ["fanout", var provider, var platform, var chats])
{
    await LiqBot.Benchmarks.Outbox.OutboxFanOut.RunAsync(provider, platform, int.Parse(chats, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}

if (args is ["reply-latency", var replyStore, var replyCommands, var replyFanOut])
{
    await LiqBot.Benchmarks.Telegram.ReplyLatency.RunAsync(replyStore, int.Parse(replyCommands, System.Globalization.CultureInfo.InvariantCulture), int.Parse(replyFanOut, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}

if (args is ["recent-sends", var store, var recentChats, var oldRows])
{
    await LiqBot.Benchmarks.Outbox.RecentSendsQuery.RunAsync(store, int.Parse(recentChats, System.Globalization.CultureInfo.InvariantCulture), int.Parse(oldRows, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}

if (args is ["tune", .. var files] && files.Length > 0)
{
    DevelopmentTuning.Print(files.Select(f => (Path.GetFileName(f)[..12], (IReadOnlyList<LiqBot.Engine.Market.Bar>)LiqBot.Exchanges.Replay.BarCsvFile.Read(f, "BTCUSDT").Bars)).ToList(), Console.Out);
    return;
}

// Not typeof(Program): the host's top-level Program is visible here too (InternalsVisibleTo), and CS0436 breaks the build.
BenchmarkSwitcher.FromAssembly(typeof(StateSize).Assembly).Run(args);
