using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiqBot.Fakes.Telegram;

/// <summary>
/// A Telegram Bot API on 127.0.0.1 (Kestrel, port 0) serving /bot{token}/{method}: getMe,
/// getUpdates (a real long poll), sendMessage, sendPhoto (multipart, checked), setMyCommands, deleteWebhook,
/// getChatMember, getChatAdministrators. It records what it accepted, enforces the published
/// limits with 429 retry_after on its own clock, and answers scripted failures.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "7000000001:AAFakeTokenForTestsOnly_0123456789abc";
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly WebApplication _app;
    private readonly FakeTelegramRateGate _rates;
    private readonly FakeTelegramUpdateQueue _updates;
    private readonly ConcurrentQueue<FakeTelegramSentMessage> _sent = new();
    private readonly ConcurrentQueue<FakeTelegramSentMessage> _cutAfterAccept = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(long Chat, long User), string> _members = new();
    private readonly ConcurrentDictionary<long, string> _forbidden = new();
    private readonly ConcurrentDictionary<long, long> _migrated = new();
    private readonly TimeProvider _clock;
    private int _serverErrorsToAnswer;
    private int _serverErrorStatus = 502;
    private int _conflictsToAnswer;
    private int _tooManyRequests;
    private long _nextMessageId = 1;

    private FakeTelegramServer(WebApplication app, FakeTelegramLimits limits, TimeProvider clock, string token, string botUsername)
    {
        _app = app;
        _clock = clock;
        _rates = new FakeTelegramRateGate(limits, clock);
        _updates = new FakeTelegramUpdateQueue(clock);
        Token = token;
        BotUsername = botUsername;
        Limits = limits;
    }

    public string Token { get; }

    public string BotUsername { get; }

    public long BotId => long.Parse(Token.Split(':')[0]);

    public FakeTelegramLimits Limits { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every sendMessage and sendPhoto accepted, in order of acceptance.</summary>
    public IReadOnlyList<FakeTelegramSentMessage> Sent => [.. _sent];

    public int SentCount => _sent.Count;

    /// <summary>
    /// Awaited before a getUpdates call is answered (and confirms anything), before getChatMember is answered, and
    /// before a valid send is accepted: a test holds the bot at that exact point. A call whose client went away
    /// meanwhile (a killed process) is dropped: nothing confirmed, nothing accepted.
    /// </summary>
    public Func<FakeTelegramCall, CancellationToken, Task>? Hold { get; set; }

    /// <summary>Decides a fault for each send (sendMessage, sendPhoto) by chat id; none when null.</summary>
    public Func<long, Faults.FakeSendFault>? SendFaults { get; set; }

    /// <summary>The messages posted whose connection was then cut (<see cref="Faults.FakeSendFault.CutAfterAccept"/>).</summary>
    public IReadOnlyList<FakeTelegramSentMessage> CutAfterAccept => [.. _cutAfterAccept];

    /// <summary>How many 429s were answered.</summary>
    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    /// <summary>The commands of the last setMyCommands call, as sent (JSON).</summary>
    public string? LastCommands { get; private set; }

    /// <summary>allowed_updates of the last getUpdates call, as sent (JSON).</summary>
    public string? LastAllowedUpdates { get; private set; }

    public int UnconfirmedUpdates => _updates.Unconfirmed;

    /// <summary>When set, every call gets 401 Unauthorized.</summary>
    public bool RejectToken { get; set; }

    public static async Task<FakeTelegramServer> StartAsync(
        FakeTelegramLimits? limits = null, TimeProvider? clock = null, string token = DefaultToken, string botUsername = "LiqBot")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeTelegramServer(app, limits ?? new FakeTelegramLimits(), clock ?? TimeProvider.System, token, botUsername);
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public int CallCount(string method) => _calls.TryGetValue(method, out var count) ? count : 0;

    public void SetChatMember(long chatId, long userId, string status) => _members[(chatId, userId)] = status;

    /// <summary>Sends to the chat get 403 (the bot was blocked or removed).</summary>
    public void Forbid(long chatId, string description = "Forbidden: bot was kicked from the group chat") => _forbidden[chatId] = description;

    /// <summary>Sends to the group get 400 with migrate_to_chat_id; sends to the new id work.</summary>
    public void Migrate(long chatId, long newChatId) => _migrated[chatId] = newChatId;

    /// <summary>The next <paramref name="count"/> sends get a server error.</summary>
    public void FailNextSends(int count, int status = 502)
    {
        _serverErrorStatus = status;
        Volatile.Write(ref _serverErrorsToAnswer, count);
    }

    /// <summary>The next <paramref name="count"/> getUpdates calls get 409 Conflict.</summary>
    public void ConflictNextPolls(int count) => Volatile.Write(ref _conflictsToAnswer, count);

    /// <summary>
    /// Queues a text message as a user sends it: every "/word" at a word start gets a bot_command
    /// entity with UTF-16 offsets, as Telegram marks them. Returns the update id.
    /// </summary>
    public long EnqueueMessage(
        long chatId, string chatType, long fromUserId, string text, string? fromUsername = null, bool fromIsBot = false, long? senderChatId = null, long? threadId = null)
    {
        var messageId = Interlocked.Increment(ref _nextMessageId);
        var date = _clock.GetUtcNow().ToUnixTimeSeconds();
        return _updates.Enqueue(updateId =>
        {
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = new JsonObject { ["id"] = fromUserId, ["is_bot"] = fromIsBot, ["first_name"] = fromIsBot ? "Group" : "User", ["username"] = fromUsername },
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = chatType == "private" ? null : "Test group" },
                ["date"] = date,
                ["text"] = text,
                ["entities"] = CommandEntities(text),
            };
            if (senderChatId is { } sender)
            {
                message["sender_chat"] = new JsonObject { ["id"] = sender, ["type"] = chatType, ["title"] = "Test group" };
            }

            if (threadId is { } thread)
            {
                message["message_thread_id"] = thread;
                message["is_topic_message"] = true;
            }

            return new JsonObject { ["update_id"] = updateId, ["message"] = message }.ToJsonString();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonArray CommandEntities(string text)
    {
        var entities = new JsonArray();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                var end = i + 1;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                entities.Add(new JsonObject { ["offset"] = i, ["length"] = end - i, ["type"] = "bot_command" });
                i = end;
            }
        }

        return entities;
    }
}
