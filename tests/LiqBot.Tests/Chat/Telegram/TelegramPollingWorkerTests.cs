using LiqBot.Fakes.Telegram;

using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>The poller against the fake Bot API over real sockets: commands in, replies out.</summary>
public sealed class TelegramPollingWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private TelegramPollingHarness _harness = null!;

    private FakeTelegramServer Server => _harness.Server;

    public async Task InitializeAsync() => _harness = await TelegramPollingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task LiqmapAddressedToTheBotInAGroup_GetsAPhotoWithTheEscapedBriefAsCaption()
    {
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", TelegramPollingHarness.UserId, "/liqmap@LiqBot btc");

        await Eventually.TrueAsync(() => Server.SentCount == 1, Bound, "the photo reply");
        var photo = Server.Sent.Single();
        Assert.Equal("sendPhoto", photo.Method);
        Assert.Equal(TelegramPollingHarness.GroupId, photo.ChatId);
        Assert.Equal(TinyPng.Bytes, photo.Photo);
        Assert.Equal("reply.png", photo.PhotoFileName);
        Assert.Equal("HTML", photo.ParseMode, ignoreCase: true);
        Assert.Equal("BTCUSDT &lt;24h&gt; longs &amp; shorts: 88.0k-89.0k ($412M) &gt; 5 %", photo.Text);
        Assert.Equal(TestCommandRouter.Brief, photo.PlainText);
        Assert.NotNull(photo.ReplyToMessageId);
        var request = Assert.Single(_harness.Router.Handled);
        Assert.Equal("liqmap", request.Command);
        Assert.Equal(["btc"], request.Arguments);
        Assert.Equal("telegram:" + TelegramPollingHarness.GroupId, request.Chat.ToString());
        Assert.Equal(TelegramPollingHarness.UserId.ToString(), request.UserId);
    }

    [Fact]
    public async Task Start_PublishesTheCommandMenuAndAsksOnlyForMessages()
    {
        await _harness.StartWorkerAsync();

        await Eventually.TrueAsync(() => Server.LastAllowedUpdates is not null, Bound, "the first getUpdates");
        Assert.Equal("""["message"]""", Server.LastAllowedUpdates);
        Assert.Contains("\"command\":\"liqmap\"", Server.LastCommands);
        Assert.Contains("\"command\":\"config\"", Server.LastCommands);
        Assert.DoesNotContain("Bad-Name", Server.LastCommands);
    }

    [Fact]
    public async Task CommandAddressedToAnotherBot_IsIgnored()
    {
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", TelegramPollingHarness.UserId, "/liqmap@OtherBot btc");
        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", TelegramPollingHarness.UserId, "/echo@liqbot after");

        await Eventually.TrueAsync(() => Server.SentCount == 1, Bound, "the reply to the second command");
        Assert.Equal("args: after", Server.Sent.Single().PlainText);
        Assert.Equal("echo", Assert.Single(_harness.Router.Handled).Command);
    }

    [Fact]
    public async Task PrivateChatCommandWithEmojiBeforeItsArguments_ParsesByUtf16Offsets()
    {
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/echo 🚀📉 btc 24h /config");

        await Eventually.TrueAsync(() => Server.SentCount == 1, Bound, "the echo");
        Assert.Equal("args: 🚀📉|btc|24h|/config", Server.Sent.Single().PlainText);
        Assert.Equal(TelegramPollingHarness.UserId, Server.Sent.Single().ChatId);
    }

    [Fact]
    public async Task Config_FromAGroupMember_IsRefused_AndFromAnAdmin_Accepted()
    {
        const long adminId = 555;
        Server.SetChatMember(TelegramPollingHarness.GroupId, adminId, "administrator");
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", TelegramPollingHarness.UserId, "/config@LiqBot alerts off");
        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", adminId, "/config@LiqBot alerts off");

        await Eventually.TrueAsync(() => Server.SentCount == 2, Bound, "both answers");
        Assert.Equal(["Only chat admins can change settings.", "Settings saved."], Server.Sent.Select(m => m.PlainText));
        Assert.Equal(2, Server.CallCount("getChatMember"));
    }

    [Fact]
    public async Task Config_FromAnAnonymousGroupAdmin_IsAccepted()
    {
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", 1087968824, "/config@LiqBot alerts off", "GroupAnonymousBot", fromIsBot: true, senderChatId: TelegramPollingHarness.GroupId);

        await Eventually.TrueAsync(() => Server.SentCount == 1, Bound, "the answer");
        Assert.Equal("Settings saved.", Server.Sent.Single().PlainText);
    }

    [Fact]
    public async Task Config_FromAConfiguredAdminAndInAPrivateChat_IsAcceptedWithoutAskingTelegram()
    {
        await _harness.StartWorkerAsync(settings => settings["Telegram:AdminUserIds:0"] = "42");

        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "group", 42, "/config@LiqBot alerts off");
        Server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/config alerts off");

        await Eventually.TrueAsync(() => Server.SentCount == 2, Bound, "both answers");
        Assert.All(Server.Sent, m => Assert.Equal("Settings saved.", m.PlainText));
        Assert.Equal(0, Server.CallCount("getChatMember"));
    }

    [Fact]
    public async Task CommandInAForumTopic_IsAnsweredInThatTopic()
    {
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", TelegramPollingHarness.UserId, "/echo@LiqBot topic", threadId: 77);

        await Eventually.TrueAsync(() => Server.SentCount == 1, Bound, "the answer");
        Assert.Equal(77, Server.Sent.Single().MessageThreadId);
    }

    [Fact]
    public async Task ReplyLongerThanACaption_SendsThePhotoThenTheRestAsText()
    {
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/long");

        await Eventually.TrueAsync(() => Server.SentCount == 2, Bound, "photo and text");
        var (photo, rest) = (Server.Sent[0], Server.Sent[1]);
        Assert.Equal("sendPhoto", photo.Method);
        Assert.InRange(photo.PlainText.Length, 1, 1024);
        Assert.Equal("sendMessage", rest.Method);
        Assert.StartsWith("line", rest.PlainText);
        Assert.Contains("line 60", rest.PlainText);
    }

    [Fact]
    public async Task ProgressLine_GoesOutBeforeTheAnswer_BothReplyingToTheCommandThroughTheOutbox()
    {
        await _harness.StartWorkerAsync();

        Server.EnqueueMessage(TelegramPollingHarness.GroupId, "supergroup", TelegramPollingHarness.UserId, "/warm@LiqBot", threadId: 12);

        await Eventually.TrueAsync(() => Server.SentCount == 2, Bound, "the progress line and the answer");
        Assert.Equal(["Warming up SOLUSDT, about 5 s; the reply follows when ready.", "SOLUSDT ready"], Server.Sent.Select(m => m.PlainText));
        Assert.Single(Server.Sent.Select(m => (m.ReplyToMessageId, m.MessageThreadId)).Distinct());
        Assert.Equal(12, Server.Sent[0].MessageThreadId);
        Assert.NotNull(Server.Sent[0].ReplyToMessageId);
        // Both went through the outbox, keyed by the update, and were recorded as delivered.
        Assert.Equal(0, await _harness.Outbox.CountPendingAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task RestartMidStream_NoUpdateIsLostOrHandledTwice()
    {
        var first = await _harness.StartWorkerAsync();
        for (var i = 0; i < 40; i++)
        {
            Server.EnqueueMessage(TelegramPollingHarness.UserId + i, "private", TelegramPollingHarness.UserId + i, $"/echo {i}");
        }

        await Eventually.TrueAsync(() => _harness.Router.Handled.Count >= 10, Bound, "some handled by the first process");
        await first.StopAsync(CancellationToken.None);
        var handledByFirst = _harness.Router.Handled.Count;
        await _harness.StartWorkerAsync();
        for (var i = 40; i < 50; i++)
        {
            Server.EnqueueMessage(TelegramPollingHarness.UserId + i, "private", TelegramPollingHarness.UserId + i, $"/echo {i}");
        }

        await Eventually.TrueAsync(() => Server.SentCount >= 50 && Server.UnconfirmedUpdates == 0, Bound, "all 50 answered and confirmed");
        Assert.InRange(handledByFirst, 10, 49);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{i}"), _harness.Router.Handled.Select(r => r.Arguments.Single()).Order().OrderBy(int.Parse));
        Assert.Equal(50, Server.SentCount);
    }

    [Fact]
    public async Task ConflictWithAnotherPoller_IsLoggedClearlyAndRetriedWithBackoff()
    {
        // Both sides on a 10x clock: the back-off (2.5 s and more) passes in a fraction of a second.
        var clock = new ScaledTimeProvider(10);
        await using var harness = await TelegramPollingHarness.StartAsync(clock);
        harness.Server.ConflictNextPolls(3);
        var started = clock.GetUtcNow();
        await harness.StartWorkerAsync();

        harness.Server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/echo after conflict");

        await Eventually.TrueAsync(() => harness.Server.SentCount == 1, Bound, "the answer after three conflicts");
        var conflictLines = harness.Logs.Lines.Where(line => line.Contains("conflict (409)") && line.Contains("another instance is polling with this bot token")).ToList();
        Assert.Equal(3, conflictLines.Count);
        Assert.InRange(harness.Server.CallCount("getUpdates"), 4, 6);
        // Three back-offs of at least 2.5, 5 and 10 s (half of 5 s doubling, by the jitter rule).
        Assert.True(clock.GetUtcNow() - started >= TimeSpan.FromSeconds(17.5), $"only {(clock.GetUtcNow() - started).TotalSeconds:0.0} s passed");
    }

    [Fact]
    public async Task RejectedToken_StopsThePollerWithAClearLogLine()
    {
        Server.RejectToken = true;
        await _harness.StartWorkerAsync();

        await Eventually.TrueAsync(() => _harness.Logs.All.Contains("Telegram polling stopped"), Bound, "the 401 log line");
        Assert.Equal(0, Server.CallCount("getUpdates"));
        Assert.DoesNotContain(Server.Token, _harness.Logs.All);
        Assert.DoesNotContain(Server.Token.Split(':')[1], _harness.Logs.All);
    }

    [Fact]
    public async Task EveryLogLineAtEveryLevel_LeavesTheTokenOut()
    {
        // The token is part of every Bot API address; the bot logs at Trace here, meets a 502 and a 401.
        await _harness.StartWorkerAsync();
        Server.FailNextSends(1, 502);

        Server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/echo token check");
        await Eventually.TrueAsync(() => Server.SentCount == 1, Bound, "the reply, after one 502");
        Server.RejectToken = true;
        Server.EnqueueMessage(TelegramPollingHarness.UserId, "private", TelegramPollingHarness.UserId, "/echo refused");
        await Eventually.TrueAsync(() => _harness.Logs.All.Contains("Telegram polling stopped"), Bound, "the 401 log line");

        Assert.Contains(_harness.Logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal));
        Assert.Contains(_harness.Logs.Lines, line => line.Contains("Bad Gateway", StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Token.Split(':')[1], _harness.Logs.All);
    }
}
