using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Telegram;

/// <summary>The Bot API methods the fake answers.</summary>
public sealed partial class FakeTelegramServer
{
    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        _calls.AddOrUpdate(method, 1, (_, count) => count + 1);
        if (RejectToken || token != Token)
        {
            await ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        var request = await FakeTelegramRequest.ReadAsync(context.Request, context.RequestAborted);
        switch (method.ToLowerInvariant())
        {
            case "getme":
                await OkAsync(context, new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "LiqBot", ["username"] = BotUsername });
                break;
            case "getupdates":
                await GetUpdatesAsync(context, request);
                break;
            case "sendmessage" or "sendphoto":
                await SendAsync(context, method, request);
                break;
            case "deletewebhook":
                await OkAsync(context, true);
                break;
            case "setmycommands":
                LastCommands = request.Get("commands");
                await OkAsync(context, true);
                break;
            case "getchatmember":
                await GetChatMemberAsync(context, request);
                break;
            case "getchatadministrators":
                var chat = request.GetLong("chat_id");
                var admins = new JsonArray([.. _members.Where(m => m.Key.Chat == chat && m.Value is "creator" or "administrator").Select(m => Member(m.Key.User, m.Value))]);
                await OkAsync(context, admins);
                break;
            default:
                await ErrorAsync(context, 404, "Not Found: method not found");
                break;
        }
    }

    private async Task GetUpdatesAsync(HttpContext context, FakeTelegramRequest request)
    {
        LastAllowedUpdates = request.Get("allowed_updates") ?? LastAllowedUpdates;
        if (TryTake(ref _conflictsToAnswer))
        {
            await ErrorAsync(context, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            return;
        }

        if (!await HeldAsync(context, new FakeTelegramCall("getUpdates", null, request.GetLong("offset"))))
        {
            return;
        }

        var timeout = TimeSpan.FromSeconds(request.GetLong("timeout") ?? 0);
        var updates = await _updates.PollAsync(request.GetLong("offset"), (int)(request.GetLong("limit") ?? 100), timeout, context.RequestAborted);
        if (updates is null)
        {
            await ErrorAsync(context, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            return;
        }

        await OkAsync(context, new JsonArray([.. updates.Select(json => JsonNode.Parse(json))]));
    }

    private async Task SendAsync(HttpContext context, string method, FakeTelegramRequest request)
    {
        var isPhoto = method.Equals("sendPhoto", StringComparison.OrdinalIgnoreCase);
        if (request.GetLong("chat_id") is not { } chatId)
        {
            await ErrorAsync(context, 400, "Bad Request: chat not found");
            return;
        }

        if (_forbidden.TryGetValue(chatId, out var forbidden))
        {
            await ErrorAsync(context, 403, forbidden);
            return;
        }

        if (_migrated.TryGetValue(chatId, out var newId))
        {
            await ErrorAsync(context, 400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = newId });
            return;
        }

        if (TryTake(ref _serverErrorsToAnswer))
        {
            await ErrorAsync(context, _serverErrorStatus, "Bad Gateway");
            return;
        }

        byte[]? photo = null;
        string? fileName = null;
        if (isPhoto)
        {
            if (!(request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                await ErrorAsync(context, 400, "Bad Request: there is no photo in the request");
                return;
            }

            var part = request.Get("photo") is { } attach && attach.StartsWith("attach://", StringComparison.Ordinal) ? attach["attach://".Length..] : "photo";
            if (!request.Files.TryGetValue(part, out var file) || !file.Bytes.AsSpan().StartsWith(PngSignature))
            {
                await ErrorAsync(context, 400, "Bad Request: IMAGE_PROCESS_FAILED");
                return;
            }

            (photo, fileName) = (file.Bytes, file.FileName);
        }

        var text = request.Get(isPhoto ? "caption" : "text");
        var parseMode = request.Get("parse_mode");
        var plain = text ?? string.Empty;
        if (text is not null && string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            if (FakeTelegramHtml.Parse(text, out var parseError) is not { } parsed)
            {
                await ErrorAsync(context, 400, parseError!);
                return;
            }

            plain = parsed;
        }

        if (isPhoto ? plain.Length > 1024 : plain.Length is 0 or > 4096)
        {
            await ErrorAsync(context, 400, isPhoto ? "Bad Request: message caption is too long" : plain.Length == 0 ? "Bad Request: message text is empty" : "Bad Request: message is too long");
            return;
        }

        var fault = SendFaults?.Invoke(chatId) ?? Faults.FakeSendFault.None;
        switch (fault)
        {
            case Faults.FakeSendFault.SlowAnswer:
                await Task.Delay(Faults.FakeFaultPlan.SlowAnswer, context.RequestAborted);
                break;
            case Faults.FakeSendFault.TooManyRequests:
                Interlocked.Increment(ref _tooManyRequests);
                await ErrorAsync(context, 429, "Too Many Requests: retry after 1", new JsonObject { ["retry_after"] = 1 });
                return;
            case Faults.FakeSendFault.ServerError:
                await ErrorAsync(context, 502, "Bad Gateway");
                return;
        }

        if (!await HeldAsync(context, new FakeTelegramCall(method, chatId, null)))
        {
            return;
        }

        if (_rates.TryAccept(chatId) is { } retryAfter)
        {
            Interlocked.Increment(ref _tooManyRequests);
            await ErrorAsync(context, 429, $"Too Many Requests: retry after {retryAfter}", new JsonObject { ["retry_after"] = retryAfter });
            return;
        }

        var messageId = Interlocked.Increment(ref _nextMessageId);
        var sent = new FakeTelegramSentMessage(
            method, chatId, text, plain, parseMode, photo, fileName, request.GetNestedLong("reply_parameters", "message_id"), request.GetLong("message_thread_id"), _clock.GetUtcNow());
        _sent.Enqueue(sent);
        if (fault == Faults.FakeSendFault.CutAfterAccept)
        {
            _cutAfterAccept.Enqueue(sent);
            context.Abort();
            return;
        }

        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = _clock.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
        };
        message[isPhoto ? "caption" : "text"] = plain;
        if (isPhoto)
        {
            message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "fake-file-" + messageId, ["file_unique_id"] = "u" + messageId, ["width"] = 1, ["height"] = 1 });
        }

        await OkAsync(context, message);
    }

    private async Task GetChatMemberAsync(HttpContext context, FakeTelegramRequest request)
    {
        var chatId = request.GetLong("chat_id") ?? 0;
        var userId = request.GetLong("user_id") ?? 0;
        if (!await HeldAsync(context, new FakeTelegramCall("getChatMember", chatId, null)))
        {
            return;
        }

        await OkAsync(context, Member(userId, _members.TryGetValue((chatId, userId), out var status) ? status : "member"));
    }

    // "status" is deliberately not the first property: clients must not rely on the order.
    private static JsonObject Member(long userId, string status) => new()
    {
        ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "User" + userId },
        ["status"] = status,
        ["is_anonymous"] = false,
    };

    // False when the client went away while held: the call is dropped unanswered.
    private async Task<bool> HeldAsync(HttpContext context, FakeTelegramCall call)
    {
        if (Hold is not { } hold)
        {
            return true;
        }

        try
        {
            await hold(call, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        return !context.RequestAborted.IsCancellationRequested;
    }

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var left = Volatile.Read(ref counter);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private static Task OkAsync(HttpContext context, JsonNode result) =>
        WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Task ErrorAsync(HttpContext context, int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return WriteAsync(context, code, body);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
