using LiqBot.Fakes.Telegram;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Soak;

/// <summary>
/// The real bot killed (SIGKILL) while it works through a queue of Telegram commands: the restart
/// answers the rest, since the offset is stored with each update's answer rather than only told to
/// Telegram at the next poll. At most one answer twice: one Telegram accepted just before the kill,
/// before the outbox recorded it (<see cref="TelegramUpdateOnceTests"/> holds each point exactly).
/// </summary>
[Collection(nameof(SoakCollection))]
public sealed class TelegramRestartTests : IDisposable
{
    private const int Commands = 40;
    private const long FirstChat = 900_001;
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task KilledMidQueue_TheRestartAnswersEveryCommand_OnlyTheOneInHandMayBeAnsweredTwice()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramLimits.Off);
        for (var i = 0; i < Commands; i++)
        {
            telegram.EnqueueMessage(FirstChat + i, "private", FirstChat + i, "/help");
        }

        using (var first = Start(telegram))
        {
            await Eventually.TrueAsync(() => Answered(telegram).Count >= 10, TimeSpan.FromSeconds(90), "some commands answered before the kill");
            first.Kill();
        }

        var answeredBeforeKill = Answered(telegram).Count;
        using var second = Start(telegram);
        await Eventually.TrueAsync(() => Answered(telegram).Count == Commands && telegram.UnconfirmedUpdates == 0, TimeSpan.FromSeconds(90), "every command answered and confirmed");

        var answers = Answered(telegram);
        Assert.InRange(answeredBeforeKill, 10, Commands - 1);
        Assert.Equal(Enumerable.Range(0, Commands).Select(i => FirstChat + i), answers.Keys.Order());
        var once = answers.Values.Min();
        Assert.InRange(answers.Values.Count(count => count != once), 0, 1);
        Assert.All(answers.Values, count => Assert.True(count == once || count == 2 * once, $"{count} messages where one answer is {once}"));
    }

    public void Dispose() => _folder.Dispose();

    // Messages sent per chat (an answer may be more than one message).
    private static Dictionary<long, int> Answered(FakeTelegramServer telegram) =>
        telegram.Sent.Where(m => m.ChatId >= FirstChat).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());

    private BotProcess Start(FakeTelegramServer telegram) =>
        BotProcess.Start(
            _folder.Path,
            new Dictionary<string, string>
            {
                ["Storage__SqlitePath"] = _folder.File("liqbot.db"),
                ["Telegram__Token"] = telegram.Token,
                ["Telegram__ApiUrl"] = telegram.BaseUrl.ToString(),
                ["Telegram__PollTimeout"] = "00:00:02",
                ["Market__Source"] = "replay",
                ["Logging__LogLevel__Default"] = "Warning",
            },
            "run",
            "--replay",
            RepoPaths.Sample,
            "--speed",
            "max");
}
