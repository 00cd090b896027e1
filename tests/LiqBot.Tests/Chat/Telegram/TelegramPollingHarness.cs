using LiqBot.Chat;
using LiqBot.Chat.Telegram;
using LiqBot.Fakes.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>A fake Bot API and bot "processes" wired by AddLiqBotTelegram against it, each a fresh service provider.</summary>
internal sealed class TelegramPollingHarness : IAsyncDisposable
{
    public const long GroupId = -1001283156137;
    public const long UserId = 187486854;

    private readonly List<ServiceProvider> _processes = [];

    private readonly TimeProvider? _clock;

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

        services.AddLiqBotTelegram(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider();
        _processes.Add(provider);
        return provider;
    }

    /// <summary>Starts a bot process's poller and returns it (stop it with StopAsync).</summary>
    public async Task<TelegramPollingWorker> StartWorkerAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var worker = BuildProcess(configure).GetServices<IHostedService>().OfType<TelegramPollingWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        return worker;
    }

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
    }
}
