using LiqBot.Alerts;
using LiqBot.Benchmarks.Outbox;
using LiqBot.Chat;
using LiqBot.Chat.Telegram;
using LiqBot.Fakes.Telegram;
using LiqBot.Operations;
using LiqBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiqBot.Benchmarks.Telegram;

/// <summary>
/// Time from a Telegram update (the fake queues a user's /echo) to the fake accepting the bot's reply, through the
/// poller, the outbox (queued with the offset, one commit) and the dispatcher, by hand (wall clock):
/// `reply-latency sqlite|postgres COMMANDS FANOUT`. The commands go one at a time from their own private chats, first
/// with the outbox idle, then while FANOUT alerts to as many chats drain at Telegram's 30/s. The router only echoes,
/// so the figure is the path, not a command's work. The first command, which waits for the poller's start, is not counted.
/// </summary>
internal static class ReplyLatency
{
    public static async Task RunAsync(string provider, int commands, int fanOut, TextWriter output)
    {
        using var folder = new TempFolder();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:SqlitePath"] = Path.Combine(folder.Path, "replies.db"),
            ["Storage:ConnectionString"] = provider == "postgres" ? await OutboxFanOut.CreatePostgresDatabaseAsync() : null,
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:ApiUrl"] = telegram.BaseUrl.ToString(),
            ["Telegram:PollTimeout"] = "00:00:10",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole())
            .AddMetrics()
            .AddSingleton<BotMetrics>()
            .AddSingleton<ICommandRouter, EchoRouter>()
            .AddLiqBotStorage(configuration)
            .AddLiqBotTelegram(configuration);
        services.AddOptions<OutboxOptions>();
        services.AddSingleton<IDeliveryReport, OutboxDeliveryReport>();
        services.AddHostedService<OutboxDispatchWorker>();
        await using var provided = services.BuildServiceProvider();
        await provided.GetRequiredService<StorageDatabase>().EnsureMigratedAsync(CancellationToken.None);
        var workers = provided.GetServices<IHostedService>().Where(s => s is OutboxDispatchWorker or TelegramPollingWorker).ToList();
        foreach (var worker in workers)
        {
            await worker.StartAsync(CancellationToken.None);
        }

        var next = 20_000_000L;
        // The first answer waits for the poller's start (getMe, setMyCommands) and the JIT: not counted.
        await MeasureAsync(telegram, 1, () => next++);
        var idle = await MeasureAsync(telegram, commands, () => next++);
        output.WriteLine($"{provider,-8} idle:            {Describe(idle)}");

        var outbox = provided.GetRequiredService<IOutbox>();
        for (var i = 0; i < fanOut; i++)
        {
            await outbox.EnqueueAsync(new OutboxEnvelope("bench:cascade", new ChatAddress(ChatPlatforms.Telegram, (30_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), OutboxMessageKind.Alert, "BTCUSDT cascade: est. $12.4M long liquidations in 5 min"), CancellationToken.None);
        }

        provided.GetRequiredService<OutboxSignal>().Notify();
        var alertsBefore = Alerts(telegram);
        var busy = await MeasureAsync(telegram, commands, () => next++);
        var alertsDuring = Alerts(telegram) - alertsBefore;
        output.WriteLine($"{provider,-8} {fanOut}-chat fan-out: {Describe(busy)}; {alertsDuring} alerts sent meanwhile, {fanOut - Alerts(telegram)} still queued after the last reply");

        foreach (var worker in workers)
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static int Alerts(FakeTelegramServer telegram) => telegram.Sent.Count(m => m.ChatId >= 30_000_000L);

    /// <summary>Sends the commands one after another, each once the previous was answered; the milliseconds from update to accepted reply.</summary>
    private static async Task<List<double>> MeasureAsync(FakeTelegramServer telegram, int commands, Func<long> nextChat)
    {
        var latencies = new List<double>(commands);
        for (var i = 0; i < commands; i++)
        {
            var chat = nextChat();
            var queuedAt = TimeProvider.System.GetUtcNow();
            telegram.EnqueueMessage(chat, "private", chat, "/echo " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            FakeTelegramSentMessage? reply;
            while ((reply = telegram.Sent.FirstOrDefault(m => m.ChatId == chat)) is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1));
            }

            latencies.Add((reply.At - queuedAt).TotalMilliseconds);
        }

        return latencies;
    }

    private static string Describe(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        return $"{sorted.Count} replies, update to accepted reply p50 {At(0.5):F0} ms, p90 {At(0.9):F0} ms, max {sorted[^1]:F0} ms";
    }

    private sealed class EchoRouter : ICommandRouter
    {
        public IReadOnlyList<CommandDescriptor> Commands { get; } = [new("echo", "Repeats its arguments", [])];

        public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ChatReply("args: " + string.Join("|", request.Arguments)));
    }
}
