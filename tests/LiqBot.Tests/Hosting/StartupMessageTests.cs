using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Hosting;

/// <summary>What the bot says on stderr as a process: in words, once, and never a stack trace.</summary>
public sealed class StartupMessageTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Offline_FallingBackToTheSampleReplay_IsSaidOnceInWords()
    {
        Directory.CreateDirectory(_folder.Path);
        using var bot = BotProcess.Start(_folder.Path, new Dictionary<string, string>
        {
            ["Bybit__RestUrl"] = "http://127.0.0.1:9", // discard port on loopback: nothing answers
            ["Binance__RestUrl"] = "http://127.0.0.1:9",
            ["Okx__RestUrl"] = "http://127.0.0.1:9",
            ["Market__ProbeTimeout"] = "00:00:01",
            ["Storage__SqlitePath"] = _folder.File("liqbot.db"),
        });

        Assert.Equal(0, await bot.EndInputAndWaitAsync());

        var notice = Assert.Single(bot.Errors, l => l.Contains("did not answer", StringComparison.Ordinal));
        Assert.Contains("Bybit, Binance, OKX did not answer within 1 s, so the map replays samples/btc-30m-oi-liquidations-2026-05-21_2026-06-07.csv instead of live data", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Errors, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorruptDatabase_IsOneClearLine_WithoutAStackTrace()
    {
        Directory.CreateDirectory(_folder.Path);
        var database = _folder.File("liqbot.db");
        await File.WriteAllTextAsync(database, "this is not a database, it is a shopping list\n");
        using var bot = BotProcess.Start(_folder.Path, new Dictionary<string, string> { ["Storage__SqlitePath"] = database }, "--Market:Source", "replay");

        Assert.Equal(1, await bot.EndInputAndWaitAsync());

        Assert.Contains(bot.Errors, l => l.Contains("is damaged or not a database", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Errors, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Equal("this is not a database, it is a shopping list\n", await File.ReadAllTextAsync(database));
    }

    public void Dispose() => _folder.Dispose();
}
