using System.Diagnostics;
using System.Globalization;
using System.Net;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Model;
using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Discord;
using LiqBot.Fakes.Faults;
using LiqBot.Fakes.Okx;
using LiqBot.Fakes.Telegram;
using LiqBot.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Soak;

/// <summary>
/// One soak run of the whole bot process (host, engine, outbox, Quartz, SQLite store) live on the three fake
/// venues and both fake chat APIs at once. A seeded plan goes round after round: in each, every venue in a
/// shuffled order has its socket cut, goes silent past the keep-alive and sends a malformed frame; after each
/// fault the feed must serve again, and then a cascade (<see cref="SoakEpisode"/>) is pushed through the
/// venue that just recovered and must be in the outbox for every chat before the plan goes on. All the while
/// the chat fakes draw a fault for every send (429 with retry_after, 502, cut after accepting, slow answer),
/// and at <c>kills</c> seeded steps three cascades go out at once and the process is SIGKILLed as soon as
/// their fan-out has begun, then started again on the same SQLite file. After the kill rounds the last
/// process goes on, fault after fault with a cascade after every third, until <c>steadyFor</c> has passed
/// (the long run's memory segment); the run ends when its outbox is empty.
/// </summary>
internal sealed class CombinedSoakRun(IReadOnlyList<ChatAddress> chats, int seed, int kills, TimeSpan steadyFor, Action<string> log) : IAsyncDisposable
{
    /// <summary>Every chat's settings, checked unchanged at the end: a 1-minute cascade window and cooldown, so data minutes apart fire apart.</summary>
    public static readonly ChatSettings Settings = ChatSettings.Default with
    {
        CascadeUsd = SoakEpisode.ThresholdUsd,
        CascadeWindow = TimeSpan.FromMinutes(1),
        Cooldown = TimeSpan.FromMinutes(1),
        Window = TimeWindow.D3,
    };

    private const int KillRounds = 3;
    private const int CascadesAtAKill = 3;
    private const int PerChatPerSecond = 5;

    // After the kill rounds a cascade follows every third fault only: the fakes keep every message (charts
    // included) in the test process, and an hour of one cascade per fault would hold gigabytes there.
    private const int SteadyFaultsPerCascade = 3;
    private const string Malformed = "liqbot_feed_malformed_frames_total";
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _folder = new();
    private readonly int _port = FreeTcpPort.Pick();
    private readonly FakeFaultPlan _faults = new(seed);
    private readonly List<SoakEpisode> _episodes = [];
    private readonly List<MemorySample> _memory = [];
    private readonly List<int> _telegramAcceptedAtKills = [];
    private readonly Dictionary<string, int> _venueFaults = [];
    private readonly List<string> _log = [];
    private readonly Stopwatch _processAge = new();
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private readonly Stopwatch _runTime = Stopwatch.StartNew();
    private int _process;
    private FakeTelegramServer? _telegram;
    private FakeDiscordServer? _discord;
    private FakeBybitServer? _bybit;
    private FakeBinanceServer? _binance;
    private FakeOkxServer? _okx;
    private BotProcess? _bot;
    private OperationsProbe? _ops;

    private enum Fault
    {
        Drop,
        Silence,
        MalformedFrame,
    }

    public IReadOnlyList<SoakEpisode> Episodes => _episodes;

    public static IReadOnlyList<ChatAddress> Chats(int perPlatform) =>
    [
        .. Enumerable.Range(1, perPlatform).Select(i => new ChatAddress(ChatPlatforms.Telegram, (700_000 + i).ToString(CultureInfo.InvariantCulture))),
        .. Enumerable.Range(1, perPlatform).Select(i => new ChatAddress(ChatPlatforms.Discord, (1_200_000_000_000_000_000 + i).ToString(CultureInfo.InvariantCulture))),
    ];

    public async Task<SoakOutcome> RunAsync()
    {
        await SubscribeAsync();
        _telegram = await FakeTelegramServer.StartAsync(new FakeTelegramLimits(PerChatPerSecond: PerChatPerSecond));
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { ChannelMessageLimit = 5 * PerChatPerSecond });
        _telegram.SendFaults = _ => _faults.Next();
        _discord.SendFaults = _ => _faults.Next();
        _bybit = await FakeBybitServer.StartAsync();
        _binance = await FakeBinanceServer.StartAsync();
        _okx = await FakeOkxServer.StartAsync();
        SoakVenue[] venues = [SoakVenue.Of(_bybit), SoakVenue.Of(_binance), SoakVenue.Of(_okx)];
        _ops = new OperationsProbe(_port);
        var random = new Random(seed);
        var killSteps = Enumerable.Range(0, KillRounds * venues.Length * 3).OrderBy(_ => random.Next()).Take(kills).ToHashSet();

        await StartAsync(venues);
        var step = 0;
        var steady = Stopwatch.StartNew();
        for (var round = 0; round < KillRounds || steady.Elapsed < steadyFor; round++)
        {
            var plan = venues.SelectMany(v => Enum.GetValues<Fault>().Select(f => (Venue: v, Fault: f))).OrderBy(_ => random.Next()).ToList();
            foreach (var (venue, fault) in plan)
            {
                await ApplyAndRecoverAsync(venue, fault);
                _venueFaults[$"{venue.Key} {fault}"] = _venueFaults.GetValueOrDefault($"{venue.Key} {fault}") + 1;
                var killNow = killSteps.Contains(step);
                var receivedBefore = Received();
                var cascades = killNow ? CascadesAtAKill : round < KillRounds || step % SteadyFaultsPerCascade == 0 ? 1 : 0;
                step++;
                for (var cascade = 0; cascade < cascades; cascade++)
                {
                    await CascadeAsync(venue);
                }

                if (killNow)
                {
                    await WaitAsync(() => Received() > receivedBefore, "the fan-out to begin before the kill");
                    await KillAndRestartAsync(venues);
                }

                Sample();
                Progress();
            }

            if (round == KillRounds - 1)
            {
                steady.Restart();
            }
        }

        await using (var store = OpenStore())
        {
            var outbox = new SqlOutbox(store);
            await WaitAsync(async () => await outbox.CountPendingAsync(null, CancellationToken.None) == 0, "the outbox to empty");
        }

        Sample();
        _bot!.Kill();
        _log.AddRange(_bot.Errors);
        return new SoakOutcome(Deliveries(), CutAfterAccept(), TelegramOrder(), _telegramAcceptedAtKills, _memory, _log, _faults.Drawn.ToDictionary(d => d.Key.ToString(), d => d.Value), _venueFaults);
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

    public async ValueTask DisposeAsync()
    {
        _bot?.Dispose();
        _ops?.Dispose();
        foreach (var fake in new IAsyncDisposable?[] { _telegram, _discord, _bybit, _binance, _okx })
        {
            if (fake is not null)
            {
                await fake.DisposeAsync();
            }
        }

        _folder.Dispose();
    }

    /// <summary>The text's episode (the minute it names), or the text itself when it names none, which no expectation contains.</summary>
    public string EpisodeOf(string? text) =>
        _episodes.FirstOrDefault(e => text?.Contains(e.Marker, StringComparison.Ordinal) == true)?.Marker ?? $"unexpected: {text}";


    private async Task StartAsync(SoakVenue[] venues)
    {
        _bot = Start();
        _process = _telegramAcceptedAtKills.Count;
        _processAge.Restart();
        await WaitAsync(_ops!.ReadyAsync, $"process {_process} to be ready on all three venues and both chats");
        foreach (var venue in venues)
        {
            await FrameReachesTheBotAsync(venue, $"after start {_process}");
        }
    }

    private async Task KillAndRestartAsync(SoakVenue[] venues)
    {
        Sample();
        _bot!.Kill();
        _telegramAcceptedAtKills.Add(_telegram!.SentCount);
        _log.AddRange(_bot.Errors);
        _bot.Dispose();
        log($"seed {seed}: kill {_telegramAcceptedAtKills.Count} after episode {_episodes.Count - 1}, {await PendingAsync()} messages pending");
        await StartAsync(venues);
    }

    /// <summary>Pushes the next cascade through the venue and waits until the bot has queued its alert for every chat.</summary>
    private async Task CascadeAsync(SoakVenue venue)
    {
        var notBefore = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        var episode = _episodes.Count == 0 ? SoakEpisode.First(notBefore) : _episodes[^1].Next(notBefore);
        _episodes.Add(episode);
        await episode.PushAsync(venue);
        await WaitAsync(async () => await QueuedAsync(episode) == chats.Count, $"the cascade of episode {episode.Number} ({episode.Marker}, through {venue.Name}) queued for every chat");

        // More than a frame on the socket: the liquidation reached the venue's own book, which the alert credits with it.
        var credit = $"{venue.Name} {MoneyFormat.Usd(SoakEpisode.BigUsd)}";
        var credited = await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE instr(text, $marker) > 0 AND instr(text, $credit) > 0", ("$marker", episode.Marker), ("$credit", credit));
        Assert.True(credited == chats.Count, $"the cascade of {episode.Marker} says \"{credit}\" in {credited} of {chats.Count} chats");
    }

    private async Task ApplyAndRecoverAsync(SoakVenue venue, Fault fault)
    {
        switch (fault)
        {
            case Fault.Drop:
                var reconnects = await _ops!.VenueMetricAsync("liqbot_feed_reconnects_total", venue.Key) ?? 0;
                venue.Drop();
                await WaitAsync(async () => await _ops.VenueMetricAsync("liqbot_feed_reconnects_total", venue.Key) > reconnects, $"{venue.Name} reconnects after the drop");
                break;
            case Fault.Silence:
                venue.Silence(true);
                await WaitAsync(async () => await OthersServeWhileDownAsync(venue), $"/healthz says 200 degraded for {venue.Name} while it is silent");
                venue.Silence(false);
                break;
            case Fault.MalformedFrame:
                break;
        }

        await WaitAsync(_ops!.ReadyAsync, $"the bot is ready again after {venue.Name} {fault}");
        await FrameReachesTheBotAsync(venue, $"after {fault}");
    }

    /// <summary>True once the health says this venue is down while another serves; a 503 (no venue serving) fails at once.</summary>
    private async Task<bool> OthersServeWhileDownAsync(SoakVenue venue)
    {
        var health = await _ops!.HealthAsync();
        Assert.True(health is not (HttpStatusCode.ServiceUnavailable, _), $"503 while only {venue.Name} was silent: {health?.Text}");
        return health is (HttpStatusCode.OK, var text) && text.StartsWith("degraded: ", StringComparison.Ordinal) && text.Contains($"{venue.Name}: ", StringComparison.Ordinal);
    }

    /// <summary>A malformed frame pushed now on each of the venue's sockets is read and counted: every socket after the fault delivers to the bot.</summary>
    private async Task FrameReachesTheBotAsync(SoakVenue venue, string when)
    {
        foreach (var push in venue.PushMalformed)
        {
            var before = await _ops!.VenueMetricAsync(Malformed, venue.Key) ?? 0;
            await push();
            await WaitAsync(async () => await _ops.VenueMetricAsync(Malformed, venue.Key) > before, $"a frame pushed by {venue.Name} {when} is counted as malformed");
        }

        Assert.Equal(1, await _ops!.VenueMetricAsync("liqbot_feed_live", venue.Key));
    }

    /// <summary>A line a minute for the long run, whose test output only comes at the end.</summary>
    private void Progress()
    {
        if (_sinceProgress.Elapsed < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _sinceProgress.Restart();
        log($"seed {seed}: {_runTime.Elapsed.TotalMinutes:F1} min, {_episodes.Count} cascades, {Received()} messages received, {_telegramAcceptedAtKills.Count} kills, "
            + $"process {_process} {_processAge.Elapsed.TotalMinutes:F1} min old at {_memory[^1].Bytes / 1_000_000} MB RSS; test process {Environment.WorkingSet / 1_000_000} MB");
    }

    private void Sample() => _memory.Add(new MemorySample(_process, _processAge.Elapsed, _bot!.WorkingSetBytes));

    private int Received() => _telegram!.SentCount + _discord!.TotalMessages;

    private async Task<long> QueuedAsync(SoakEpisode episode) =>
        await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE text LIKE '%cascade:%' AND instr(text, $marker) > 0", ("$marker", episode.Marker));

    private Task<long> PendingAsync() => ScalarAsync("SELECT COUNT(*) FROM outbox WHERE state = 'pending'");

    private async Task<long> ScalarAsync(string sql, params (string Name, string Value)[] parameters)
    {
        await using var store = OpenStore();
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private Dictionary<(string Chat, string Message), int> Deliveries()
    {
        var telegram = TelegramOrder();
        var discord = chats.Where(c => c.Platform == ChatPlatforms.Discord)
            .SelectMany(c => _discord!.MessagesIn(c.ChatId).Select(m => (Chat: c.ToString(), Message: EpisodeOf(DiscordText(m)))));
        return telegram.Concat(discord).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
    }

    private List<(string Chat, string Message)> TelegramOrder() =>
        [.. _telegram!.Sent.Select(m => ($"{ChatPlatforms.Telegram}:{m.ChatId}", EpisodeOf(m.PlainText)))];

    private HashSet<(string Chat, string Message)> CutAfterAccept() =>
    [
        .. _telegram!.CutAfterAccept.Select(m => ($"{ChatPlatforms.Telegram}:{m.ChatId}", EpisodeOf(m.PlainText))),
        .. _discord!.CutAfterAccept.Select(m => ($"{ChatPlatforms.Discord}:{m.ChannelId}", EpisodeOf(DiscordText(m)))),
    ];

    private static string DiscordText(FakeChannelMessage message) => $"{message.Body.Content} {message.Body.EmbedDescription}";

    private async Task SubscribeAsync()
    {
        await using var store = OpenStore();
        var subscriptions = new SqlSubscriptionStore(store);
        foreach (var chat in chats)
        {
            await subscriptions.SubscribeAsync(chat, "BTCUSDT", AlertKinds.Cascade, CancellationToken.None);
            await subscriptions.SaveSettingsAsync(chat, Settings, CancellationToken.None);
        }
    }

    private SqliteStorageDatabase OpenStore() =>
        new(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("liqbot.db") }, TimeProvider.System, NullLogger<SqliteStorageDatabase>.Instance);

    private BotProcess Start()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__SqlitePath"] = _folder.File("liqbot.db"),
            ["Telegram__Token"] = _telegram!.Token,
            ["Telegram__ApiUrl"] = _telegram.BaseUrl.ToString(),
            ["Telegram__PollTimeout"] = "00:00:02",
            ["Telegram__PerChatPerSecond"] = PerChatPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Discord__Token"] = _discord!.Options.Token,
            ["Discord__ApiUrl"] = _discord.ApiUrl,
            // Short, so a killed process's claims come back within seconds; a live one renews them.
            ["Outbox__Lease"] = "00:00:05",
            ["Market__Source"] = "live",
            ["Market__Venues__0"] = "bybit",
            ["Market__Venues__1"] = "binance",
            ["Market__Venues__2"] = "okx",
            ["Operations__Port"] = _port.ToString(CultureInfo.InvariantCulture),
            // The cascades' data runs minutes to hours ahead of the clock; a lag check against it would only be noise.
            ["Operations__MaxFeedLag"] = "01:00:00",
            ["Bybit__RestUrl"] = _bybit!.RestUrl.ToString(),
            ["Bybit__StreamUrl"] = _bybit.StreamUrl.ToString(),
            ["Bybit__PingInterval"] = "00:00:03",
            ["Bybit__PongTimeout"] = "00:00:02",
            ["Binance__RestUrl"] = _binance!.RestUrl.ToString(),
            ["Binance__StreamUrl"] = _binance.StreamUrl.ToString(),
            ["Okx__RestUrl"] = _okx!.RestUrl.ToString(),
            ["Okx__PublicStreamUrl"] = _okx.PublicStreamUrl.ToString(),
            ["Okx__BusinessStreamUrl"] = _okx.BusinessStreamUrl.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var section in new[] { "Bybit", "Binance", "Okx" })
        {
            environment[$"{section}__WarmStart"] = "01:00:00";
            // Each cascade's events come in time order from the test; holding them for reordering would only delay the alert.
            environment[$"{section}__ReorderWindow"] = "00:00:00";
            environment[$"{section}__ReconnectBaseDelay"] = "00:00:00.050";
            environment[$"{section}__ReconnectMaxDelay"] = "00:00:00.500";
        }

        foreach (var section in new[] { "Binance", "Okx" })
        {
            environment[$"{section}__IdleTimeout"] = "00:00:02";
            environment[$"{section}__ReplyTimeout"] = "00:00:02";
        }

        return BotProcess.Start(_folder.Path, environment, "run");
    }

    private async Task WaitAsync(Func<bool> condition, string what)
    {
        try
        {
            await Eventually.TrueAsync(condition, HangGuard, what);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{LastLog()}");
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
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{LastLog()}");
        }
    }

    private string LastLog() => _bot is null ? "" : string.Join('\n', _bot.Errors.TakeLast(30));
}
