using LiqBot.Fakes.Bybit;
using LiqBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace LiqBot.Tests.Hosting;

/// <summary>
/// The real bot process on a real SQLite file against the fake Bybit, killed like kill -9 between the two
/// halves of a cascade: after the restart the heatmap still shows the liquidation from before the kill, the
/// time the bot was down is an outage, the cascade fires once on its second half, and a third start (which
/// replays both halves and raises the cascade again) queues nothing new.
/// </summary>
public sealed class RealizedRestartTests : IDisposable
{
    private const string Alert = "[alert] BTCUSDT cascade:";
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task KilledBetweenTheHalvesOfACascade_KeepsTheLiquidation_TellsTheGap_AndFiresOnce()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        var t = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() + 1_000;

        long killedAt;
        long secondHalf;
        using (var first = Start(bybit))
        {
            await LiveAsync(first);
            Assert.StartsWith("Subscribed to BTCUSDT alerts: cascade", await AskAsync(first, "/subscribe btc cascade", "Subscribed to BTCUSDT"), StringComparison.Ordinal);
            // The first half, $10M of the $16M: no alert.
            await bybit.PushAsync(FakeBybitFrames.Liquidation("BTCUSDT", t, longLiquidated: true, 200, 50_000));
            await bybit.PushAsync(FakeBybitFrames.Trade("BTCUSDT", t + 60_000, true, 1, 50_000));
            await Eventually.TrueAsync(() => Count("SELECT COUNT(*) FROM realized_liquidations") == 1, TimeSpan.Zero, "the liquidation is stored");
            Assert.Contains("1 realized liquidation points.", await AskAsync(first, "/heatmap btc 12h", "BTCUSDT heatmap"), StringComparison.Ordinal);
            killedAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            first.Kill();
            Assert.DoesNotContain(first.Output, l => l.Contains(Alert, StringComparison.Ordinal));
        }

        using (var second = Start(bybit))
        {
            var startedAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            await LiveAsync(second);
            await Eventually.UntilAsync(() => second.Logged("Restored 1 realized liquidations of BTCUSDT"), "the liquidation is restored");
            var trade = t + 90_000;
            await Eventually.TrueAsync(async () => (await HeatmapAsync(second, bybit, trade += 5_000)).Contains("1 realized liquidation points.", StringComparison.Ordinal), TimeSpan.Zero, "the heatmap shows the liquidation from before the kill");
            await Eventually.UntilAsync(() => second.Output.Any(l => l.StartsWith("(Liquidations missing for good, so the points undercount: Bybit down ", StringComparison.Ordinal)), "the heatmap names the outage, not a start span: the store gave the books what came before");
            // The time the bot was down is one stored outage, from before the kill until after the restart.
            await Eventually.TrueAsync(() => Count($"SELECT COUNT(*) FROM feed_outages WHERE venue = 'bybit' AND from_ms <= {killedAt} AND to_ms >= {startedAt}") == 1, TimeSpan.Zero, "the restart's outage is stored");

            // The second half, minutes later: $20M within the 30-minute window.
            secondHalf = trade + 30_000;
            await bybit.PushAsync(FakeBybitFrames.Liquidation("BTCUSDT", secondHalf, longLiquidated: true, 200, 50_000));
            await bybit.PushAsync(FakeBybitFrames.Trade("BTCUSDT", secondHalf + 60_000, true, 1, 50_000));
            await Eventually.UntilAsync(() => second.Output.Any(l => l.Contains(Alert, StringComparison.Ordinal)), "the cascade fired");
            Assert.Contains("$20.0M", second.Output.Single(l => l.Contains(Alert, StringComparison.Ordinal)), StringComparison.Ordinal);
            await Eventually.TrueAsync(() => Count("SELECT COUNT(*) FROM realized_liquidations") == 2, TimeSpan.Zero, "the second half is stored");
            second.Kill();
        }

        using var third = Start(bybit);
        await Eventually.UntilAsync(() => third.Logged("Restored 2 realized liquidations of BTCUSDT") && third.Logged("1 recent alert(s) raised again"), "both halves restored, the cascade raised again");
        await LiveAsync(third);
        var later = secondHalf + 60_000;
        await Eventually.TrueAsync(async () => (await HeatmapAsync(third, bybit, later += 5_000)).Contains("2 realized liquidation points.", StringComparison.Ordinal), TimeSpan.Zero, "the heatmap shows both halves");
        Assert.Equal(1, Count("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'cascade:%' AND state = 'sent'"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'cascade:%'"));
        Assert.DoesNotContain(third.Output, l => l.Contains(Alert, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private BotProcess Start(FakeBybitServer bybit) =>
        BotProcess.Start(
            _folder.Path,
            new Dictionary<string, string>
            {
                ["Storage__SqlitePath"] = _folder.File("liqbot.db"),
                ["Market__Source"] = "bybit",
                ["Bybit__RestUrl"] = bybit.RestUrl.ToString(),
                ["Bybit__StreamUrl"] = bybit.StreamUrl.ToString(),
                ["Bybit__WarmStart"] = "02:00:00",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__LiqBot.Market.RealizedRestore"] = "Information",
                ["Logging__LogLevel__LiqBot.Exchanges"] = "Information",
            },
            "run");

    private static Task LiveAsync(BotProcess bot) => Eventually.UntilAsync(() => bot.Logged("Bybit market data live"), "the bot is live on the fake Bybit");

    /// <summary>
    /// A heatmap reaches as far as the book's data, which the fake moves only with what it is given: trades after
    /// the liquidations (sent until the bot has subscribed; each releases the one before from the reorder window)
    /// bring the book past them.
    /// </summary>
    private static async Task<string> HeatmapAsync(BotProcess bot, FakeBybitServer bybit, long tradeAt)
    {
        await bybit.PushAsync(FakeBybitFrames.Trade("BTCUSDT", tradeAt, true, 1, 50_000));
        return await AskAsync(bot, "/heatmap btc 12h", "BTCUSDT heatmap");
    }

    /// <summary>Types a command and returns the first reply line starting with <paramref name="reply"/> that came after it.</summary>
    private static async Task<string> AskAsync(BotProcess bot, string command, string reply)
    {
        var before = bot.Output.Count;
        await bot.SayAsync(command);
        string? answer = null;
        await Eventually.UntilAsync(() => (answer = bot.Output.Skip(before).FirstOrDefault(l => l.StartsWith(reply, StringComparison.Ordinal))) is not null, $"the reply to {command}");
        return answer!;
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("liqbot.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
