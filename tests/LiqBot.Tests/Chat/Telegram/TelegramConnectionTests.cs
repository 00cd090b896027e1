using LiqBot.Chat;
using LiqBot.Chat.Telegram;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>What /healthz's chat check reads of the poller: up once a poll answered, down with the reason otherwise.</summary>
public sealed class TelegramConnectionTests : IAsyncLifetime
{
    private TelegramPollingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TelegramPollingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Polling_IsUp()
    {
        var connection = await StartAsync();

        await Eventually.UntilAsync(() => connection.Problem is null, "the poll answered");
    }

    [Fact]
    public async Task RejectedToken_IsDownSayingSo()
    {
        _harness.Server.RejectToken = true;
        var connection = await StartAsync();

        await Eventually.UntilAsync(() => connection.Problem?.Contains("401", StringComparison.Ordinal) == true, "the poller gave up on the token");
    }

    private async Task<ChatConnection> StartAsync()
    {
        var process = _harness.BuildProcess();
        var connection = process.GetRequiredKeyedService<ChatConnection>(ChatPlatforms.Telegram);
        Assert.Equal("not connected yet", connection.Problem);
        await process.GetServices<IHostedService>().OfType<TelegramPollingWorker>().Single().StartAsync(CancellationToken.None);
        return connection;
    }
}
