using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiqBot.Fakes.Discord;

/// <summary>The REST routes: gateway discovery, command registration, interaction callback and follow-up, channel messages.</summary>
public sealed partial class FakeDiscordServer
{
    private void MapRest(WebApplication app)
    {
        var api = app.MapGroup("/api/v10");
        api.MapGet("/gateway/bot", GatewayBotAsync);
        api.MapPut("/applications/{app}/commands", context => RegisterCommandsAsync(context, "global"));
        api.MapPut("/applications/{app}/guilds/{guild}/commands", context => RegisterCommandsAsync(context, (string)context.Request.RouteValues["guild"]!));
        api.MapPost("/interactions/{id}/{token}/callback", CallbackAsync);
        api.MapPost("/webhooks/{app}/{token}", FollowUpAsync);
        api.MapDelete("/webhooks/{app}/{token}/messages/@original", DeleteOriginalAsync);
        api.MapPost("/channels/{channel}/messages", CreateMessageAsync);
    }

    private async Task GatewayBotAsync(HttpContext context)
    {
        if (!await AuthorizedAsync(context) || !await RateLimits.TryEnterAsync(context, "GET /gateway/bot", "", Options.RouteLimit, Options.RouteWindow, false))
        {
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["url"] = WebSocketUrl + "/gateway",
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 },
        });
    }

    private async Task RegisterCommandsAsync(HttpContext context, string scope)
    {
        if (!await AuthorizedAsync(context) || !await RateLimits.TryEnterAsync(context, "PUT commands", scope, Options.RouteLimit, Options.RouteWindow, false))
        {
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        if (body is not JsonArray commands || commands.Any(c => !ValidCommand(c)))
        {
            await ErrorAsync(context, 400, 50035, "Invalid Form Body");
            return;
        }

        _commandRegistrations.Enqueue((scope, body.ToJsonString()));
        var id = 771825006014889984;
        foreach (var command in commands)
        {
            command!["id"] = (id++).ToString(CultureInfo.InvariantCulture);
            command["application_id"] = Options.ApplicationId;
        }

        await context.Response.WriteAsync(commands.ToJsonString());
    }

    private async Task CallbackAsync(HttpContext context)
    {
        var interaction = Gateway.FindInteraction((string)context.Request.RouteValues["id"]!);
        if (interaction is null || interaction.Token != (string)context.Request.RouteValues["token"]!)
        {
            await ErrorAsync(context, 404, 10062, "Unknown interaction");
            return;
        }

        if (interaction.AcknowledgedAt is not null)
        {
            await ErrorAsync(context, 400, 40060, "Interaction has already been acknowledged.");
            return;
        }

        if (System.Diagnostics.Stopwatch.GetElapsedTime(interaction.CreatedAt) > Options.InteractionDeadline)
        {
            interaction.RefuseLate();
            await ErrorAsync(context, 404, 10062, "Unknown interaction");
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var type = body?["type"]?.GetValue<int>();
        if (type is not (4 or 5))
        {
            await ErrorAsync(context, 400, 50035, "Invalid Form Body");
            return;
        }

        interaction.Acknowledge(type.Value, body!["data"]?["flags"]?.GetValue<int>() ?? 0);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task FollowUpAsync(HttpContext context)
    {
        var interaction = Gateway.FindInteractionByToken((string)context.Request.RouteValues["token"]!);
        if (interaction?.AcknowledgedAt is null || (string)context.Request.RouteValues["app"]! != Options.ApplicationId)
        {
            await ErrorAsync(context, 404, 10015, "Unknown Webhook");
            return;
        }

        var (body, error) = await FakeMessageBody.ReadAsync(context.Request);
        if (body is null)
        {
            await ErrorAsync(context, 400, 50035, "Invalid Form Body: " + error);
            return;
        }

        interaction.AddFollowUp(body);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = NextId(), ["flags"] = body.Flags });
    }

    private async Task DeleteOriginalAsync(HttpContext context)
    {
        var interaction = Gateway.FindInteractionByToken((string)context.Request.RouteValues["token"]!);
        if (interaction?.AcknowledgedAt is null || interaction.OriginalDeleted)
        {
            await ErrorAsync(context, 404, 10008, "Unknown Message");
            return;
        }

        interaction.DeleteOriginal();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task CreateMessageAsync(HttpContext context)
    {
        var channel = (string)context.Request.RouteValues["channel"]!;
        if (!await AuthorizedAsync(context)
            || !await RateLimits.TryEnterAsync(context, "POST /channels/{id}/messages", channel, Options.ChannelMessageLimit, Options.ChannelMessageWindow, false))
        {
            return;
        }

        if (_channelFailures.TryGetValue(channel, out var failure))
        {
            await ErrorAsync(context, failure.Status, failure.Code, failure.Message);
            return;
        }

        var (body, error) = await FakeMessageBody.ReadAsync(context.Request);
        if (body is null)
        {
            await ErrorAsync(context, 400, 50035, "Invalid Form Body: " + error);
            return;
        }

        var fault = SendFaults?.Invoke(channel) ?? Faults.FakeSendFault.None;
        switch (fault)
        {
            case Faults.FakeSendFault.SlowAnswer:
                await Task.Delay(Faults.FakeFaultPlan.SlowAnswer, context.RequestAborted);
                break;
            case Faults.FakeSendFault.TooManyRequests:
                context.Response.Headers["Retry-After"] = "1";
                context.Response.StatusCode = 429;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 1.0, ["global"] = false });
                return;
            case Faults.FakeSendFault.ServerError:
                await ErrorAsync(context, 502, 0, "Bad Gateway");
                return;
        }

        var list = _messages.GetOrAdd(channel, _ => []);
        FakeChannelMessage message;
        lock (list)
        {
            message = body.EnforceNonce && list.FirstOrDefault(m => m.Body.Nonce == body.Nonce) is { } existing
                ? existing
                : new FakeChannelMessage(NextId(), channel, body);
            if (!list.Contains(message))
            {
                list.Add(message);
            }
        }

        if (fault == Faults.FakeSendFault.CutAfterAccept)
        {
            _cutAfterAccept.Enqueue(message);
            context.Abort();
            return;
        }

        if (_failAfterCreate.TryGetValue(channel, out var times) && times > 0 && _failAfterCreate.TryUpdate(channel, times - 1, times))
        {
            await ErrorAsync(context, 502, 0, "Bad Gateway");
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = message.Id, ["channel_id"] = channel, ["nonce"] = body.Nonce });
    }

    private async Task<bool> AuthorizedAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() == "Bot " + Options.Token)
        {
            return true;
        }

        await ErrorAsync(context, 401, 0, "401: Unauthorized");
        return false;
    }

    private static Task ErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["code"] = code, ["message"] = message });
    }

    private static bool ValidCommand(JsonNode? command) =>
        command?["name"]?.GetValue<string>() is { } name && CommandName().IsMatch(name)
        && command["description"]?.GetValue<string>() is { Length: >= 1 and <= 100 }
        && (command["options"]?.AsArray().Count ?? 0) <= 25;

    private string NextId() => Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-_'\p{Ll}\p{N}]{1,32}$")]
    private static partial Regex CommandName();
}
