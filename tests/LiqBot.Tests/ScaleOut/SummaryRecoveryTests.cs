using System.Diagnostics;
using LiqBot.Fakes.Telegram;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Npgsql;
using Quartz;
using Xunit.Abstractions;

namespace LiqBot.Tests.ScaleOut;

/// <summary>
/// Two bot processes on Quartz's clustered store in the real PostgreSQL. A summary firing is held inside
/// its job by a table lock the test takes (on the chat's settings, before the summary is queued; or on the
/// summary log, after it is queued), the node running it is killed like kill -9, and the other node must
/// find the dead node at its cluster check-in, run that firing again (the job requests recovery) under
/// the same scheduled time, and the chat must get the summary exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SummaryRecoveryTests(PostgresServerFixture server, ITestOutputHelper output) : IDisposable
{
    private const long Group = -1009876543210;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);
    private readonly TempDirectory _folder = new();

    [Theory]
    [InlineData("chats", "ACCESS EXCLUSIVE")]
    [InlineData("summary_log", "SHARE")]
    public async Task NodeKilledMidFiring_TheOtherRunsThatFiringAgain_AndTheChatGetsTheSummaryOnce(string heldTable, string lockMode)
    {
        var database = await server.CreateDatabaseAsync();
        await ScaleOutBots.SubscribeAsync(database, Group);
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramLimits.Off);
        using var first = ScaleOutBots.Start(_folder.Path, database, telegram, "node-a");
        using var second = ScaleOutBots.Start(_folder.Path, database, telegram, "node-b");
        await Eventually.TrueAsync(() => first.Logged("Market feed finished") && second.Logged("Market feed finished"), Guard, "both nodes to ingest the replay");
        var scheduler = await ScaleOutBots.ClusterSchedulerAsync(database);
        var job = new JobKey($"telegram:{Group}", "summaries");
        await Eventually.TrueAsync(async () => await scheduler.Exists(job), Guard, "the summary job in the clustered store");
        Assert.True((await scheduler.GetJobDetail(job))!.RequestsRecovery);

        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, $"LOCK TABLE {heldTable} IN {lockMode} MODE", hold);
        await scheduler.TriggerJob(job);
        var fired = $"Summary job for telegram:{Group} fired at ";
        await Eventually.TrueAsync(
            async () => (first.Logged(fired) || second.Logged(fired)) && await WaitingForAsync(database, heldTable) > 0, Guard, $"the firing to wait for {heldTable} inside the job");
        var (dead, survivor) = first.Logged(fired) ? (first, second) : (second, first);
        var scheduledAt = FireTime(dead, fired);
        dead.Kill();
        var killed = Stopwatch.StartNew();
        await hold.RollbackAsync();

        await Eventually.TrueAsync(() => survivor.Logged($"Summary job for telegram:{Group} recovered"), Guard, "the survivor to recover the dead node's firing");
        var recoveredAfter = killed.Elapsed;
        await Eventually.TrueAsync(async () => Summaries(telegram).Count > 0 && await ExecutingAsync(database) == 0, Guard, "the recovered firing to end and the summary to arrive");
        await Eventually.TrueAsync(async () => await PendingAsync(database) == 0, Guard, "the outbox to drain");
        output.WriteLine($"held {heldTable}; recovered {recoveredAfter.TotalSeconds:0.0} s after the kill (wall clock, Quartz's default 7.5 s check-in)");

        // The recovered firing is the same firing: same scheduled second, which is what the outbox key holds.
        Assert.Equal(scheduledAt, FireTime(survivor, fired));
        Assert.Single(Summaries(telegram));
        Assert.Equal([$"summary:BTCUSDT:{scheduledAt}"],
            await ScaleOutBots.KeysAsync(database, "SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'summary:%'"));
        Assert.False(survivor.HasExited);
        // The real host wires the limiter's seed: the survivor's first batch started from the outbox's last minute.
        Assert.True(survivor.Logged("Telegram rate limiter starts from"));
    }

    public void Dispose() => _folder.Dispose();

    private static List<FakeTelegramSentMessage> Summaries(FakeTelegramServer telegram) =>
        [.. telegram.Sent.Where(m => m.ChatId == Group && m.PlainText.StartsWith("Summary: BTCUSDT", StringComparison.Ordinal))];

    /// <summary>The scheduled time of the bot's last firing, in Unix seconds.</summary>
    private static long FireTime(BotProcess bot, string fired)
    {
        var line = bot.Errors.Last(l => l.Contains(fired, StringComparison.Ordinal));
        return DateTimeOffset.Parse(line[(line.IndexOf(fired, StringComparison.Ordinal) + fired.Length)..].Trim(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sessions waiting for a lock on the table (the firing's query, stopped by the test's lock).</summary>
    private static Task<long> WaitingForAsync(string database, string table) =>
        ScalarAsync(database, $"SELECT COUNT(*) FROM pg_locks WHERE relation = '{table}'::regclass AND NOT granted");

    private static Task<long> ExecutingAsync(string database) =>
        ScalarAsync(database, $"SELECT COUNT(*) FROM qrtz_fired_triggers WHERE job_name = 'telegram:{Group}' AND state = 'EXECUTING'");

    private static Task<long> PendingAsync(string database) =>
        ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
}
