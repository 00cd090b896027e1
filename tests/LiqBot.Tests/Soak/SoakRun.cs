using System.Globalization;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;
using LiqBot.Fakes.Discord;
using LiqBot.Fakes.Faults;
using LiqBot.Fakes.Telegram;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Soak;

/// <summary>
/// One soak run: the real bot process replays the sample at full speed against the fake Telegram and
/// Discord APIs, with chats subscribed on both; a fault plan (when given) hits the sends, and the bot is
/// killed (SIGKILL) and restarted <c>kills</c> times mid fan-out, each kill when the chats have received
/// another share of <c>expectedDeliveries</c>. The run ends when the last process has replayed
/// everything and its outbox is empty.
/// </summary>
internal sealed class SoakRun(IReadOnlyList<ChatAddress> chats, FakeFaultPlan? faults, int kills, int expectedDeliveries) : IAsyncDisposable
{
    /// <summary>Settings every chat is given, checked unchanged at the end.</summary>
    public static readonly ChatSettings Settings = ChatSettings.Default with { Window = TimeWindow.D3 };

    private const int PerChatPerSecond = 5;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _folder = new();
    private readonly List<long> _workingSets = [];
    private readonly List<int> _telegramAcceptedAtKills = [];
    private readonly List<string> _log = [];
    private FakeTelegramServer? _telegram;
    private FakeDiscordServer? _discord;
    private BotProcess? _bot;

    public static IReadOnlyList<ChatAddress> Chats(int perPlatform) =>
    [
        .. Enumerable.Range(1, perPlatform).Select(i => new ChatAddress(ChatPlatforms.Telegram, (700_000 + i).ToString(CultureInfo.InvariantCulture))),
        .. Enumerable.Range(1, perPlatform).Select(i => new ChatAddress(ChatPlatforms.Discord, (1_200_000_000_000_000_000 + i).ToString(CultureInfo.InvariantCulture))),
    ];

    public string DatabasePath => _folder.File("liqbot.db");

    public async Task<SoakOutcome> RunAsync()
    {
        await SubscribeAsync();
        // Per-chat limits five times the platforms' (the global ones as they are), so each chat's 88 alerts take seconds, not minutes.
        _telegram = await FakeTelegramServer.StartAsync(new FakeTelegramLimits(PerChatPerSecond: PerChatPerSecond));
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { ChannelMessageLimit = 5 * PerChatPerSecond });
        if (faults is not null)
        {
            _telegram.SendFaults = _ => faults.Next();
            _discord.SendFaults = _ => faults.Next();
        }

        _bot = Start();
        for (var kill = 1; kill <= kills; kill++)
        {
            var share = expectedDeliveries * kill / (kills + 1);
            await WaitAsync(() => Received() >= share, $"{share} deliveries before kill {kill}");
            _workingSets.Add(_bot.WorkingSetBytes);
            _bot.Kill();
            _telegramAcceptedAtKills.Add(_telegram.SentCount);
            _log.AddRange(_bot.Errors);
            _bot.Dispose();
            _bot = Start();
        }

        await WaitAsync(() => _bot.Logged("Market feed finished"), "the last process to replay the whole history");
        await using var store = OpenStore();
        var outbox = new SqlOutbox(store);
        await WaitAsync(async () => await outbox.CountPendingAsync(null, CancellationToken.None) == 0, "the outbox to empty");
        _workingSets.Add(_bot.WorkingSetBytes);
        _bot.Kill();
        _log.AddRange(_bot.Errors);

        var telegramOrder = _telegram.Sent.Select(m => ($"{ChatPlatforms.Telegram}:{m.ChatId}", m.PlainText)).ToList();
        return new SoakOutcome(Deliveries(), CutAfterAccept(), telegramOrder, _telegramAcceptedAtKills, _workingSets, _log, faults?.Drawn.ToDictionary(d => d.Key.ToString(), d => d.Value) ?? []);
    }

    /// <summary>Each chat's subscriptions and settings as the store has them now.</summary>
    public async Task<IReadOnlyList<(ChatAddress Chat, IReadOnlyList<Subscription> Subscriptions, ChatSettings Settings)>> ReadChatsAsync()
    {
        await using var store = OpenStore();
        var subscriptions = new SqlSubscriptionStore(store);
        var result = new List<(ChatAddress, IReadOnlyList<Subscription>, ChatSettings)>();
        foreach (var chat in chats)
        {
            result.Add((chat, await subscriptions.ListSubscriptionsAsync(chat, CancellationToken.None), await subscriptions.GetSettingsAsync(chat, CancellationToken.None)));
        }

        return result;
    }

    public string LastLog(int lines) => _bot is null ? "" : string.Join('\n', _bot.Errors.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        _bot?.Dispose();
        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }

        if (_discord is not null)
        {
            await _discord.DisposeAsync();
        }

        _folder.Dispose();
    }

    private int Received() => _telegram!.SentCount + _discord!.TotalMessages;

    private Dictionary<(string Chat, string Message), int> Deliveries()
    {
        var telegram = _telegram!.Sent.Select(m => (Chat: $"{ChatPlatforms.Telegram}:{m.ChatId}", Message: m.PlainText));
        var discord = chats.Where(c => c.Platform == ChatPlatforms.Discord)
            .SelectMany(c => _discord!.MessagesIn(c.ChatId).Select(m => (Chat: c.ToString(), Message: m.Body.Nonce ?? m.Body.Content ?? "")));
        return telegram.Concat(discord).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
    }

    private HashSet<(string Chat, string Message)> CutAfterAccept() =>
    [
        .. _telegram!.CutAfterAccept.Select(m => ($"{ChatPlatforms.Telegram}:{m.ChatId}", m.PlainText)),
        .. _discord!.CutAfterAccept.Select(m => ($"{ChatPlatforms.Discord}:{m.ChannelId}", m.Body.Nonce ?? m.Body.Content ?? "")),
    ];

    private async Task SubscribeAsync()
    {
        await using var store = OpenStore();
        var subscriptions = new SqlSubscriptionStore(store);
        foreach (var chat in chats)
        {
            await subscriptions.SubscribeAsync(chat, "BTCUSDT", AlertKinds.All, CancellationToken.None);
            await subscriptions.SaveSettingsAsync(chat, Settings, CancellationToken.None);
        }
    }

    private SqliteStorageDatabase OpenStore() =>
        new(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = DatabasePath }, TimeProvider.System, NullLogger<SqliteStorageDatabase>.Instance);

    private BotProcess Start() =>
        BotProcess.Start(
            _folder.Path,
            new Dictionary<string, string>
            {
                ["Storage__SqlitePath"] = DatabasePath,
                ["Telegram__Token"] = _telegram!.Token,
                ["Telegram__ApiUrl"] = _telegram.BaseUrl.ToString(),
                ["Telegram__PollTimeout"] = "00:00:02",
                ["Telegram__PerChatPerSecond"] = PerChatPerSecond.ToString(CultureInfo.InvariantCulture),
                ["Discord__Token"] = _discord!.Options.Token,
                ["Discord__ApiUrl"] = _discord.ApiUrl,
                // Short, so a killed process's claims come back within seconds; a live one renews them.
                ["Outbox__Lease"] = "00:00:05",
                ["Market__Source"] = "replay",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__LiqBot.Workers.MarketWorker"] = "Information",
            },
            "run",
            "--replay",
            RepoPaths.Sample,
            "--speed",
            "max");

    private async Task WaitAsync(Func<bool> condition, string what)
    {
        try
        {
            await Eventually.TrueAsync(condition, HangGuard, what);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{LastLog(30)}");
        }
    }

    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        try
        {
            await Eventually.TrueAsync(condition, HangGuard, what);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{LastLog(30)}");
        }
    }
}
