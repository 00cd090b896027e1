using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace LiqBot.Fakes.Discord;

/// <summary>What a test makes the gateway do.</summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>Dispatches a slash command; its 3-second deadline starts now.</summary>
    public async Task<FakeInteraction> DispatchInteractionAsync(FakeInteractionRequest request)
    {
        var session = _current ?? throw new InvalidOperationException("No gateway session: the bot has not identified.");
        var (interaction, payload) = NewInteraction(request);
        await DispatchAsync(session, "INTERACTION_CREATE", payload);
        return interaction;
    }

    /// <summary>Drops the socket without a close frame, then dispatches the interaction while the bot is away (replayed on Resume).</summary>
    public async Task<FakeInteraction> DropAndDispatchWhileAwayAsync(FakeInteractionRequest request)
    {
        var session = _current ?? throw new InvalidOperationException("No gateway session: the bot has not identified.");
        await session.Gate.WaitAsync();
        try
        {
            session.Connection?.Drop();
            session.Connection = null;
        }
        finally
        {
            session.Gate.Release();
        }

        var (interaction, payload) = NewInteraction(request);
        await DispatchAsync(session, "INTERACTION_CREATE", payload);
        return interaction;
    }

    /// <summary>Sends op 7 Reconnect.</summary>
    public Task SendReconnectAsync() => SendToCurrentAsync(Payload(7, null));

    /// <summary>Sends op 9 Invalid Session; when not resumable the session is forgotten, so a Resume would fail.</summary>
    public Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable && _current is { } session)
        {
            _sessions.TryRemove(session.Id, out _);
        }

        return SendToCurrentAsync(Payload(9, resumable));
    }

    /// <summary>Closes the bot's socket with a gateway close code (4004, 4009, ...).</summary>
    public async Task CloseAsync(int code, string reason = "closed by the fake")
    {
        if (code is 4007 or 4009 && _current is { } session)
        {
            _sessions.TryRemove(session.Id, out _);
        }

        if (_current?.Connection is { } connection)
        {
            await connection.CloseAsync(code, reason);
        }
    }

    private async Task DispatchAsync(FakeGatewaySession session, string eventName, JsonObject d)
    {
        await session.Gate.WaitAsync();
        try
        {
            var sequence = ++session.Sequence;
            var json = new JsonObject { ["op"] = 0, ["d"] = d, ["s"] = sequence, ["t"] = eventName }.ToJsonString();
            session.Events.Add((sequence, json));
            if (session.Connection is { } connection)
            {
                try
                {
                    await connection.SendAsync(json);
                }
                catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
                {
                    // Gone: the event waits in the log for a Resume.
                }
            }
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task SendToCurrentAsync(string json)
    {
        if (_current?.Connection is { } connection)
        {
            await connection.SendAsync(json);
        }
    }

    private (FakeInteraction Interaction, JsonObject Payload) NewInteraction(FakeInteractionRequest request)
    {
        var id = Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var interaction = new FakeInteraction(id, "aW50ZXJhY3Rpb246" + Guid.NewGuid().ToString("N"), request.Command);
        _interactions[id] = interaction;
        var user = new JsonObject { ["id"] = request.UserId, ["username"] = "trader", ["discriminator"] = "0" };
        var commandOptions = new JsonArray((request.Options ?? new Dictionary<string, string>())
            .Select(o => (JsonNode)new JsonObject { ["type"] = 3, ["name"] = o.Key, ["value"] = o.Value }).ToArray());
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = options.ApplicationId,
            ["type"] = 2,
            ["token"] = interaction.Token,
            ["version"] = 1,
            ["channel_id"] = request.ChannelId,
            ["app_permissions"] = "442368",
            ["locale"] = "en-US",
            ["data"] = new JsonObject { ["id"] = "771825006014889984", ["name"] = request.Command, ["type"] = 1, ["options"] = commandOptions },
        };
        if (request.GuildId is { } guild)
        {
            payload["guild_id"] = guild;
            payload["member"] = new JsonObject
            {
                ["user"] = user,
                ["roles"] = new JsonArray(request.Roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
                ["permissions"] = request.Permissions,
            };
        }
        else
        {
            payload["user"] = user;
        }

        return (interaction, payload);
    }
}
