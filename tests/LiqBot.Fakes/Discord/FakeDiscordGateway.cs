using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Discord;

/// <summary>
/// The gateway: Hello, heartbeat ACKs (which a test can withhold), Identify (4004 for a wrong token,
/// 4014 for privileged intents not enabled) answered by READY with a resume_gateway_url pointing
/// back here, Resume answered by the missed events then RESUMED, and on demand op 7, op 9, close
/// codes, dropped sockets and INTERACTION_CREATE.
/// </summary>
public sealed partial class FakeDiscordGateway(FakeDiscordOptions options, Func<string> baseWebSocketUrl)
{
    private const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);
    private readonly ConcurrentDictionary<string, FakeGatewaySession> _sessions = new();
    private readonly ConcurrentDictionary<string, FakeInteraction> _interactions = new();
    private readonly ConcurrentQueue<JsonObject> _identifies = new();
    private readonly ConcurrentQueue<(string SessionId, long? Sequence)> _resumes = new();
    private readonly ConcurrentQueue<int?> _clientCloseCodes = new();
    private volatile FakeGatewaySession? _current;
    private int _connections;
    private int _heartbeats;

    /// <summary>When true, heartbeats go unacknowledged, as on a zombied connection.</summary>
    public bool WithholdAcks { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    public int Heartbeats => Volatile.Read(ref _heartbeats);

    public IReadOnlyList<JsonObject> Identifies => [.. _identifies];

    public IReadOnlyList<(string SessionId, long? Sequence)> Resumes => [.. _resumes];

    /// <summary>Close codes the bot closed with (null when it dropped the socket without one).</summary>
    public IReadOnlyList<int?> ClientCloseCodes => [.. _clientCloseCodes];

    /// <summary>The current session's last sequence number.</summary>
    public long Sequence => _current?.Sequence ?? 0;

    /// <summary>True while the bot has a live, identified or resumed connection.</summary>
    public bool IsConnected => _current?.Connection is not null;

    public IReadOnlyCollection<FakeInteraction> Interactions => [.. _interactions.Values];

    internal FakeInteraction? FindInteraction(string id) => _interactions.GetValueOrDefault(id);

    internal FakeInteraction? FindInteractionByToken(string token) => _interactions.Values.FirstOrDefault(i => i.Token == token);

    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(context, socket);
        Interlocked.Increment(ref _connections);
        FakeGatewaySession? session = null;
        try
        {
            await connection.SendAsync(Payload(10, new JsonObject { ["heartbeat_interval"] = options.HeartbeatInterval.TotalMilliseconds }));
            while (await ReceiveAsync(socket) is { } message)
            {
                var d = message["d"];
                switch (message["op"]?.GetValue<int>())
                {
                    case 1:
                        Interlocked.Increment(ref _heartbeats);
                        if (!WithholdAcks)
                        {
                            await connection.SendAsync("""{"op":11}""");
                        }

                        break;
                    case 2:
                        session = await IdentifyAsync(connection, d!.AsObject()) ?? session;
                        break;
                    case 6:
                        session = await ResumeAsync(connection, d!.AsObject()) ?? session;
                        break;
                }
            }

            _clientCloseCodes.Enqueue((int?)socket.CloseStatus);
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            _clientCloseCodes.Enqueue(null);
        }
        finally
        {
            if (session is not null && session.Connection == connection)
            {
                session.Connection = null;
            }
        }
    }

    private async Task<FakeGatewaySession?> IdentifyAsync(FakeGatewayConnection connection, JsonObject d)
    {
        _identifies.Enqueue((JsonObject)d.DeepClone());
        if (d["token"]?.GetValue<string>() != options.Token)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return null;
        }

        if (((d["intents"]?.GetValue<int>() ?? 0) & PrivilegedIntents & ~options.AllowedPrivilegedIntents) != 0)
        {
            await connection.CloseAsync(4014, "Disallowed intent(s).");
            return null;
        }

        var session = new FakeGatewaySession(Guid.NewGuid().ToString("N")) { Connection = connection };
        _sessions[session.Id] = session;
        _current = session;
        await DispatchAsync(session, "READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = options.BotUserId, ["username"] = "LiqBot", ["bot"] = true },
            ["guilds"] = new JsonArray(),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = baseWebSocketUrl() + "/resume",
            ["shard"] = d["shard"]?.DeepClone(),
            ["application"] = new JsonObject { ["id"] = options.ApplicationId, ["flags"] = 0 },
        });
        return session;
    }

    private async Task<FakeGatewaySession?> ResumeAsync(FakeGatewayConnection connection, JsonObject d)
    {
        var sessionId = d["session_id"]?.GetValue<string>() ?? "";
        var sequence = d["seq"]?.GetValue<long?>();
        _resumes.Enqueue((sessionId, sequence));
        if (d["token"]?.GetValue<string>() != options.Token || !_sessions.TryGetValue(sessionId, out var session))
        {
            await connection.SendAsync(Payload(9, false));
            return null;
        }

        await session.Gate.WaitAsync();
        try
        {
            session.Connection = connection;
            _current = session;
            foreach (var (_, json) in session.Events.Where(e => e.Sequence > (sequence ?? 0)))
            {
                await connection.SendAsync(json);
            }
        }
        finally
        {
            session.Gate.Release();
        }

        await DispatchAsync(session, "RESUMED", new JsonObject());
        return session;
    }

    private static async Task<JsonObject?> ReceiveAsync(WebSocket socket)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.ToArray())?.AsObject();
            }
        }
    }

    private static string Payload(int op, JsonNode? d) => new JsonObject { ["op"] = op, ["d"] = d, ["s"] = null, ["t"] = null }.ToJsonString();
}
