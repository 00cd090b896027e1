using LiqBot.Chat.Discord;
using LiqBot.Fakes.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Discord;

/// <summary>
/// The Discord adapter wired against a fake Discord on 127.0.0.1, as the host would wire it
/// (the gateway URL comes from GET /gateway/bot). Dispose stops the gateway and the fake.
/// </summary>
internal sealed class DiscordTestHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggers;

    private DiscordTestHost(FakeDiscordServer fake, DiscordOptions options, TestCommandRouter router)
    {
        Fake = fake;
        Router = router;
        Options = options;
        _loggers = LoggerFactory.Create(builder => builder.AddProvider(Log).SetMinimumLevel(LogLevel.Debug));
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Limiter = new DiscordRateLimiter(wrapped, TimeProvider.System);
        Rest = new DiscordRestClient(wrapped, Limiter, _loggers.CreateLogger<DiscordRestClient>());
        Registrar = new DiscordCommandRegistrar(router, Rest, wrapped, _loggers.CreateLogger<DiscordCommandRegistrar>());
        Interactions = new DiscordInteractionHandler(router, Rest, wrapped, _loggers.CreateLogger<DiscordInteractionHandler>());
        Gateway = new DiscordGatewayClient(wrapped, Rest, Interactions, Registrar, DiscordReconnects.Build(TimeProvider.System, new Random(14), options), TimeProvider.System, new Random(15), _loggers.CreateLogger<DiscordGatewayClient>());
        Sender = new DiscordChatSender(Rest, wrapped, TimeProvider.System, new Random(14), _loggers.CreateLogger<DiscordChatSender>());
    }

    public FakeDiscordServer Fake { get; }

    public TestCommandRouter Router { get; }

    public DiscordOptions Options { get; }

    public CollectingLoggerProvider Log { get; } = new();

    public DiscordRateLimiter Limiter { get; }

    public DiscordRestClient Rest { get; }

    public DiscordCommandRegistrar Registrar { get; }

    public DiscordInteractionHandler Interactions { get; }

    public DiscordGatewayClient Gateway { get; }

    public DiscordChatSender Sender { get; }

    /// <summary>The gateway's run: completes with the fatal close code, or null when stopped.</summary>
    public Task<int?>? Running { get; private set; }

    public static async Task<DiscordTestHost> StartAsync(FakeDiscordOptions? fakeOptions = null, Action<DiscordOptions>? configure = null)
    {
        fakeOptions ??= new FakeDiscordOptions();
        var fake = await FakeDiscordServer.StartAsync(fakeOptions);
        var options = new DiscordOptions
        {
            Token = fakeOptions.Token,
            ApiUrl = fake.ApiUrl,
            ReconnectDelay = TimeSpan.FromMilliseconds(20),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
            IdentifyInterval = TimeSpan.FromMilliseconds(50),
            InvalidSessionDelay = TimeSpan.FromMilliseconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return new DiscordTestHost(fake, options, new TestCommandRouter());
    }

    /// <summary>Starts the gateway and waits for READY.</summary>
    public async Task<DiscordTestHost> ConnectAsync()
    {
        Running = Gateway.RunAsync(_stop.Token);
        await Eventually.UntilAsync(() => Fake.Gateway.IsConnected && Fake.Gateway.Sequence >= 1 || Running.IsCompleted, "the bot identified");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Running is not null)
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Fake.DisposeAsync();
        Rest.Dispose();
        _loggers.Dispose();
        _stop.Dispose();
    }
}
