using LiqBot.Engine.Alerts;
using LiqBot.Fakes.Telegram;
using LiqBot.Hosting;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Quartz;

namespace LiqBot.Tests.ScaleOut;

/// <summary>Real bot processes sharing one PostgreSQL database and the fake Telegram Bot API, and what the scale-out tests need around them.</summary>
internal static class ScaleOutBots
{
    /// <summary>A bot process replaying the sample at full speed, on the shared database, posting to the fake Telegram.</summary>
    public static BotProcess Start(string folder, string database, FakeTelegramServer telegram, string instance) =>
        BotProcess.Start(
            folder,
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["Storage__ConnectionString"] = database,
                ["Telegram__Token"] = telegram.Token,
                ["Telegram__ApiUrl"] = telegram.BaseUrl.ToString(),
                ["Telegram__PollTimeout"] = "00:00:02",
                ["Telegram__PerChatPerSecond"] = "30",
                ["Telegram__PerGroupPerMinute"] = "600",
                ["Outbox__InstanceId"] = instance,
                ["Market__Source"] = "replay",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__LiqBot.Alerts.AlertPublisher"] = "Information",
                ["Logging__LogLevel__LiqBot.Chat.Telegram"] = "Information",
                ["Logging__LogLevel__LiqBot.Workers.MarketWorker"] = "Information",
                ["Logging__LogLevel__LiqBot.Scheduling"] = "Information",
            },
            "run",
            "--replay",
            RepoPaths.Sample,
            "--speed",
            "max");

    /// <summary>The group follows BTCUSDT cascades and has a summary every 4 hours.</summary>
    public static async Task SubscribeAsync(string database, long group)
    {
        await using var storage = new PostgresStorageDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database }, TimeProvider.System, NullLogger<PostgresStorageDatabase>.Instance);
        var store = new SqlSubscriptionStore(storage);
        var chat = new ChatAddress(ChatPlatforms.Telegram, $"{group}");
        await store.SubscribeAsync(chat, "BTCUSDT", AlertKinds.Cascade, CancellationToken.None);
        await store.SaveSettingsAsync(chat, ChatSettings.Default with { Summary = SummarySchedule.Every(TimeSpan.FromHours(4)) }, CancellationToken.None);
    }

    /// <summary>A member of the bots' cluster that is never started: it only writes to the shared store.</summary>
    public static async Task<IScheduler> ClusterSchedulerAsync(string database)
    {
        var provider = new ServiceCollection().AddLogging()
            .AddQuartz(q =>
            {
                q.ConfigureScheduler(o => o.InstanceName = BotHost.ClusteredSchedulerName);
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database);
                    store.UseClustering(_ => { });
                });
            })
            .BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Equal(BotHost.ClusteredSchedulerName, scheduler.SchedulerName);
        return scheduler;
    }

    /// <summary>The first column of every row the query returns, as text.</summary>
    public static async Task<List<string>> KeysAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return keys;
    }
}
