using LiqBot.Engine.Alerts;
using LiqBot.Fakes.Telegram;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using LiqBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace LiqBot.Tests.ScaleOut;

/// <summary>
/// Two bot processes on one real PostgreSQL with the fake Telegram Bot API: every alert reaches
/// the chat once however many instances raise it, and when the polling instance is killed the
/// other takes over polling.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceTests(PostgresServerFixture server) : IDisposable
{
    private const long Group = -1001234567890;
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task TwoInstances_AlertsOncePerChat_AndTheStandbyTakesOverPolling()
    {
        var database = await server.CreateDatabaseAsync();
        await ScaleOutBots.SubscribeAsync(database, Group);
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramLimits.Off);
        using var first = Start(database, telegram, "instance-a");
        using var second = Start(database, telegram, "instance-b");

        // Both replay the same data and raise the same alerts; the outbox lets each through once.
        try
        {
            await Eventually.TrueAsync(() => first.Logged("Market feed finished") && second.Logged("Market feed finished"), TimeSpan.FromSeconds(90), "both instances to ingest the replay");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            Assert.Fail($"{e.Message}\nfirst:\n{string.Join('\n', first.Errors.TakeLast(20))}\nsecond:\n{string.Join('\n', second.Errors.TakeLast(20))}");
        }
        Assert.True(first.Logged("Cascade alert on BTCUSDT") && second.Logged("Cascade alert on BTCUSDT"), "both instances raise the alerts");
        List<string> keys = [];
        await Eventually.TrueAsync(async () => SentToGroup(telegram).Count >= (keys = await OutboxKeysAsync(database)).Count, TimeSpan.FromSeconds(60), "every alert to be delivered");

        var sent = SentToGroup(telegram);
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.All(sent, text => Assert.StartsWith("BTCUSDT cascade: ", text, StringComparison.Ordinal));
        // Both instances render each alert's chart; it is stored once, and every delivery is a photo.
        Assert.Equal(keys.Order(), (await ScaleOutBots.KeysAsync(database, "SELECT dedupe_key FROM alert_images")).Order());
        Assert.All(telegram.Sent.Where(m => m.PlainText.StartsWith("BTCUSDT cascade", StringComparison.Ordinal)), m => Assert.Equal("sendPhoto", m.Method));

        // The summary job lives once in Quartz's clustered store; a firing runs on one instance only.
        var scheduler = await ScaleOutBots.ClusterSchedulerAsync(database);
        var job = new JobKey($"telegram:{Group}", "summaries");
        await Eventually.TrueAsync(async () => await scheduler.Exists(job), TimeSpan.FromSeconds(60), "the summary job in the clustered store");
        await scheduler.TriggerJob(job);
        await Eventually.TrueAsync(() => telegram.Sent.Any(m => m.ChatId == Group && m.Method == "sendPhoto" && m.PlainText.StartsWith("Summary: BTCUSDT", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the summary photo");
        var fired = first.Errors.Concat(second.Errors).Count(l => l.Contains($"Summary job for telegram:{Group} fired at", StringComparison.Ordinal));
        Assert.Equal(1, fired);

        // One of them polls; kill it like kill -9 and the standby answers the next command.
        await Eventually.TrueAsync(() => first.Logged("standing by") || second.Logged("standing by"), TimeSpan.FromSeconds(60), "one instance to stand by");
        var (poller, standby) = first.Logged("standing by") ? (second, first) : (first, second);
        poller.Kill();
        telegram.EnqueueMessage(Group, "supergroup", 187486854, "/zones@LiqBot btc");

        await Eventually.TrueAsync(() => telegram.Sent.Any(m => m.ChatId == Group && m.PlainText.StartsWith("BTCUSDT 24h, price 63.3k.", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the standby to answer /zones");
        Assert.True(standby.Logged("Took over Telegram polling"));
        Assert.False(standby.HasExited);
    }

    public void Dispose() => _folder.Dispose();

    private BotProcess Start(string database, FakeTelegramServer telegram, string instance) => ScaleOutBots.Start(_folder.Path, database, telegram, instance);

    private static Task<List<string>> OutboxKeysAsync(string database) => ScaleOutBots.KeysAsync(database, "SELECT dedupe_key FROM outbox");

    private static List<string> SentToGroup(FakeTelegramServer telegram) =>
        [.. telegram.Sent.Where(m => m.ChatId == Group && m.Method is "sendMessage" or "sendPhoto" && m.PlainText.StartsWith("BTCUSDT cascade", StringComparison.Ordinal)).Select(m => m.PlainText)];
}
