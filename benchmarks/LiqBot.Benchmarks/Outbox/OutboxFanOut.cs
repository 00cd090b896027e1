using System.Collections.Concurrent;
using System.Diagnostics;
using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Chat.Discord;
using LiqBot.Chat.Telegram;
using LiqBot.Fakes.Discord;
using LiqBot.Fakes.Telegram;
using LiqBot.Operations;
using LiqBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiqBot.Benchmarks.Outbox;

/// <summary>
/// One alert to each of N chats through the durable outbox, by hand (wall clock, one run):
/// `fanout sqlite|postgres telegram|discord|instant CHATS`. telegram and discord post to the fakes
/// with their real limits (Telegram 30/s, Discord 50/s); instant is a chat that accepts a whole batch
/// at once, so only the outbox's bookkeeping limits the rate. PostgreSQL comes from LIQBOT_BENCH_POSTGRES
/// (a connection string whose user may create databases).
/// </summary>
internal static class OutboxFanOut
{
    public static async Task RunAsync(string provider, string platform, int chats, TextWriter output)
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:SqlitePath"] = Path.Combine(folder.Path, "fanout.db"),
            ["Storage:ConnectionString"] = provider == "postgres" ? await CreatePostgresDatabaseAsync() : null,
            ["Telegram:Token"] = FakeTelegramServer.DefaultToken,
            ["Telegram:PerGroupPerMinute"] = "20",
            ["Discord:Token"] = new FakeDiscordOptions().Token,
        };
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var discord = await FakeDiscordServer.StartAsync();
        settings["Telegram:ApiUrl"] = telegram.BaseUrl.ToString();
        settings["Discord:ApiUrl"] = discord.ApiUrl;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole())
            .AddSingleton<BotMetrics>()
            .AddLiqBotStorage(configuration)
            .AddLiqBotTelegram(configuration)
            .AddLiqBotDiscord(configuration);
        await using var provided = services.BuildServiceProvider();
        var database = provided.GetRequiredService<StorageDatabase>();
        await database.EnsureMigratedAsync(CancellationToken.None);
        var outbox = provided.GetRequiredService<IOutbox>();
        var store = provided.GetRequiredService<ISubscriptionStore>();
        var time = TimeProvider.System;

        IChatSender sender = platform switch
        {
            "telegram" => provided.GetRequiredService<TelegramChatSender>(),
            "discord" => provided.GetServices<IChatSender>().OfType<DiscordChatSender>().Single(),
            _ => new InstantChat(),
        };

        for (var i = 0; i < chats; i++)
        {
            var chatId = platform == "discord" ? (900_000_000_000_000_000L + i).ToString() : (10_000_000L + i).ToString();
            await outbox.EnqueueAsync(new OutboxEnvelope("fanout:1", new ChatAddress(sender.Platform, chatId), OutboxMessageKind.Alert, "BTCUSDT cascade: est. $12.4M long liquidations in 5 min"), CancellationToken.None);
        }

        var report = new TimedReport(new OutboxDeliveryReport(provided.GetRequiredService<OutboxResultWriter>(), store, provided.GetRequiredService<BotMetrics>(), time, NullLogger<OutboxDeliveryReport>.Instance));
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatchWorker>(provided, new IChatSender[] { sender }, report, new OutboxSignal(), Options.Create(new OutboxOptions()));
        var clock = Stopwatch.StartNew();
        while (await outbox.CountPendingAsync(sender.Platform, CancellationToken.None) > 0)
        {
            if (await dispatcher.DispatchOnceAsync(sender, CancellationToken.None) == 0)
            {
                await Task.Delay(50);
            }
        }

        clock.Stop();
        var sent = platform switch { "telegram" => telegram.SentCount, "discord" => discord.TotalMessages, _ => report.Sent };
        var records = report.RecordTimes;
        output.WriteLine(
            $"{provider,-8} {platform,-8} {chats,6} chats: {sent} delivered in {clock.Elapsed.TotalSeconds:F1} s = {sent / clock.Elapsed.TotalSeconds:F1} msg/s; "
            + $"acceptance to record p50 {Percentile(records, 0.50):F1} ms, p99 {Percentile(records, 0.99):F1} ms, max {records.DefaultIfEmpty().Max():F1} ms, "
            + $"{records.Count(ms => ms >= 1000)} of {records.Count} >= 1 s; retried {report.Retried}");
    }

    private static double Percentile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
    }

    internal static async Task<string> CreatePostgresDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable("LIQBOT_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set LIQBOT_BENCH_POSTGRES to a PostgreSQL connection string.");
        var name = $"liqbot_fanout_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>How long recording each acceptance took (SentAsync from call to return).</summary>
    private sealed class TimedReport(IDeliveryReport inner) : IDeliveryReport
    {
        private readonly ConcurrentBag<double> _recordTimes = [];
        private int _sent;
        private int _retried;

        public IReadOnlyList<double> RecordTimes => [.. _recordTimes];

        public int Sent => _sent;

        public int Retried => _retried;

        public async Task SentAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            await inner.SentAsync(message, cancellationToken);
            _recordTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Interlocked.Increment(ref _sent);
        }

        public Task RetryLaterAsync(OutboxMessage message, TimeSpan delay, string reason, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _retried);
            return inner.RetryLaterAsync(message, delay, reason, cancellationToken);
        }

        public Task ChatUnavailableAsync(OutboxMessage message, string reason, CancellationToken cancellationToken) => inner.ChatUnavailableAsync(message, reason, cancellationToken);

        public Task ChatMovedAsync(OutboxMessage message, string newChatId, CancellationToken cancellationToken) => inner.ChatMovedAsync(message, newChatId, cancellationToken);

        public Task FailedAsync(OutboxMessage message, string reason, CancellationToken cancellationToken) => inner.FailedAsync(message, reason, cancellationToken);
    }

    /// <summary>A chat that accepts every message of a batch at the same moment, as many answers arriving together.</summary>
    private sealed class InstantChat : IChatSender
    {
        public string Platform => ChatPlatforms.Discord;

        public Task SendAsync(IReadOnlyList<OutboxMessage> batch, IDeliveryReport report, CancellationToken cancellationToken) =>
            Task.WhenAll(batch.Select(message => Task.Run(() => report.SentAsync(message, cancellationToken), cancellationToken)));
    }
}
