using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Chat.Telegram;
using LiqBot.Fakes.Telegram;
using LiqBot.Operations;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// A fake Bot API and bot "processes" wired by AddLiqBotTelegram against it, each a fresh service provider with the
/// store on one SQLite file (so a later process is a restart) and an outbox dispatcher, which sends the replies.
/// </summary>
internal sealed class TelegramPollingHarness : IAsyncDisposable
{
    public const long GroupId = -1001283156137;
    public const long UserId = 187486854;

    private readonly List<ServiceProvider> _processes = [];

    private readonly TimeProvider? _clock;
    private readonly TempDirectory _folder = new();

    private TelegramPollingHarness(FakeTelegramServer server, TimeProvider? clock) => (Server, _clock) = (server, clock);

    public FakeTelegramServer Server { get; }

    public TestCommandRouter Router { get; } = new();

    public TestLogSink Logs { get; } = new();

    /// <summary>The fake and the bot share <paramref name="clock"/> when given (a scaled clock makes back-offs quick).</summary>
    public static async Task<TelegramPollingHarness> StartAsync(TimeProvider? clock = null) =>
        new(await FakeTelegramServer.StartAsync(clock: clock), clock);

    public Dictionary<string, string?> Configuration() => new()
    {
        ["Telegram:Token"] = Server.Token,
        ["Telegram:ApiUrl"] = Server.BaseUrl.ToString(),
        ["Telegram:PollTimeout"] = "00:00:05",
        ["Storage:SqlitePath"] = _folder.File("liqbot.db"),
    };

    public ServiceProvider BuildProcess(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = Configuration();
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<ICommandRouter>(Router);
        if (_clock is not null)
        {
            services.AddSingleton(_clock);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddLiqBotStorage(configuration);
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<IDeliveryReport, OutboxDeliveryReport>();
        services.AddHostedService<OutboxDispatchWorker>();
        services.AddLiqBotTelegram(configuration);
        var provider = services.BuildServiceProvider();
        _processes.Add(provider);
        return provider;
    }

    /// <summary>Starts a bot process's outbox dispatcher and poller and returns the poller (stop it with StopAsync).</summary>
    public async Task<TelegramPollingWorker> StartWorkerAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var process = BuildProcess(configure);
        await process.GetServices<IHostedService>().OfType<OutboxDispatchWorker>().Single().StartAsync(CancellationToken.None);
        var worker = process.GetServices<IHostedService>().OfType<TelegramPollingWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        return worker;
    }

    /// <summary>The store of the processes (the same SQLite file), for checks.</summary>
    public IOutbox Outbox => _processes[0].GetRequiredService<IOutbox>();

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            foreach (var worker in process.GetServices<IHostedService>())
            {
                await worker.StopAsync(CancellationToken.None);
            }

            await process.DisposeAsync();
        }

        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
