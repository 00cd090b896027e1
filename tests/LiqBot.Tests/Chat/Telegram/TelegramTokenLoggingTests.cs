using LiqBot.Fakes.Telegram;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// The token is part of every Bot API address. The bot as AddLiqBotTelegram wires it, logging at
/// Trace, polls, answers, meets a server error and a rejected token: no log line holds the token.
/// </summary>
public sealed class TelegramTokenLoggingTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private TelegramPollingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TelegramPollingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task EveryLogLineAtEveryLevel_LeavesTheTokenOut()
    {
        var server = _harness.Server;
        await _harness.StartWorkerAsync();
        server.FailNextSends(1, 502);

        server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/echo token check");
        await Eventually.TrueAsync(() => server.SentCount == 1, Bound, "the reply, after one 502");
        server.RejectToken = true;
        server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/echo refused");
        await Eventually.TrueAsync(() => _harness.Logs.All.Contains("Telegram polling stopped"), Bound, "the 401 log line");

        Assert.Contains(_harness.Logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal));
        Assert.Contains(_harness.Logs.Lines, line => line.Contains("502", StringComparison.Ordinal) || line.Contains("Bad Gateway", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Token.Split(':')[1], _harness.Logs.All);
    }
}
