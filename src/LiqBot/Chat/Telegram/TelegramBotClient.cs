using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// A thin Bot API client: one POST per method, JSON in (multipart for uploads), the envelope
/// unwrapped into a result or a <see cref="TelegramApiException"/>. The token lives only in the
/// request address, which is never logged nor put in an exception.
/// </summary>
internal sealed class TelegramBotClient(HttpClient http, IOptions<TelegramOptions> options, TimeProvider time)
{
    private const string HtmlParseMode = "HTML";

    public Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync<TelegramUser>("getMe", JsonContent.Create(new { }, options: TelegramJson.Options), options.Value.RequestTimeout, cancellationToken);

    /// <summary>Long poll: waits up to <paramref name="timeout"/> for updates from <paramref name="offset"/> on (confirming those before it).</summary>
    public Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = new { offset, limit, timeout = (int)timeout.TotalSeconds, allowed_updates = new[] { "message" } };
        // The server holds the call for the poll timeout; the client allows a little more before calling it lost.
        return CallAsync<IReadOnlyList<TelegramUpdate>>("getUpdates", Json(body), timeout + TimeSpan.FromSeconds(10), cancellationToken);
    }

    public Task<TelegramMessage> SendMessageAsync(long chatId, string html, TelegramReplyTarget? replyTo, CancellationToken cancellationToken)
    {
        var body = new
        {
            chat_id = chatId,
            text = html,
            parse_mode = HtmlParseMode,
            link_preview_options = new { is_disabled = true },
            message_thread_id = replyTo?.ThreadId,
            reply_parameters = replyTo is null ? null : new { message_id = replyTo.MessageId, allow_sending_without_reply = true },
        };
        return CallAsync<TelegramMessage>("sendMessage", Json(body), options.Value.RequestTimeout, cancellationToken);
    }

    /// <summary>Uploads a PNG (multipart/form-data) with an optional HTML caption.</summary>
    public Task<TelegramMessage> SendPhotoAsync(
        long chatId, string fileName, byte[] png, string? captionHtml, TelegramReplyTarget? replyTo, CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(chatId.ToString()), "chat_id");
        if (!string.IsNullOrEmpty(captionHtml))
        {
            form.Add(new StringContent(captionHtml), "caption");
            form.Add(new StringContent(HtmlParseMode), "parse_mode");
        }

        if (replyTo is not null)
        {
            if (replyTo.ThreadId is { } thread)
            {
                form.Add(new StringContent(thread.ToString()), "message_thread_id");
            }

            form.Add(new StringContent(JsonSerializer.Serialize(new { message_id = replyTo.MessageId, allow_sending_without_reply = true })), "reply_parameters");
        }

        var photo = new ByteArrayContent(png);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        // Written by hand: .NET would add filename*=utf-8''…, which the Bot API does not need.
        photo.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"photo\"; filename=\"{SafeFileName(fileName)}\"");
        form.Add(photo);
        return CallAsync<TelegramMessage>("sendPhoto", form, options.Value.RequestTimeout, cancellationToken);
    }

    public Task<bool> SetMyCommandsAsync(IReadOnlyList<TelegramBotCommand> commands, CancellationToken cancellationToken) =>
        CallAsync<bool>("setMyCommands", Json(new { commands }), options.Value.RequestTimeout, cancellationToken);

    public Task<TelegramChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        CallAsync<TelegramChatMember>("getChatMember", Json(new { chat_id = chatId, user_id = userId }), options.Value.RequestTimeout, cancellationToken);

    private static JsonContent Json<T>(T body) => JsonContent.Create(body, options: TelegramJson.Options);

    private static string SafeFileName(string name)
    {
        var safe = new string([.. name.Where(c => c is >= ' ' and < (char)127 and not '"' and not '\\')]);
        return safe.Length == 0 ? "image.png" : safe;
    }

    private async Task<T> CallAsync<T>(string method, HttpContent content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var token = settings.Token ?? string.Empty;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.ApiUrl.AbsoluteUri.TrimEnd('/') + "/bot" + token + "/" + method) { Content = content };
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            TelegramResponse<T>? envelope;
            try
            {
                envelope = await response.Content.ReadFromJsonAsync<TelegramResponse<T>>(TelegramJson.Options, linked.Token);
            }
            catch (JsonException)
            {
                envelope = null;
            }

            if (envelope is { Ok: true, Result: not null })
            {
                return envelope.Result;
            }

            var code = envelope?.ErrorCode ?? (int)response.StatusCode;
            var retryAfter = envelope?.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            throw new TelegramApiException(method, code, Redact(envelope?.Description ?? "HTTP " + (int)response.StatusCode, token), retryAfter, envelope?.Parameters?.MigrateToChatId);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TelegramNetworkException($"Telegram {method} got no answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new TelegramNetworkException($"Telegram {method} failed: {Redact(e.Message, token)}");
        }
    }

    private static string Redact(string text, string token) =>
        token.Length == 0 ? text : text.Replace(token, "<token>", StringComparison.Ordinal);
}
