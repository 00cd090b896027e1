using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// <see cref="ITelegramBotApi"/> on Telegram.Bot. Its own 429 retry is off (RetryThreshold 0):
/// waiting is <see cref="TelegramRateLimiter"/>'s job. Each call has a deadline on the
/// TimeProvider; a call without a usable answer becomes a RequestException whose text names the
/// method and never the request address, which carries the token.
/// </summary>
internal sealed class TelegramBotApi : ITelegramBotApi
{
    // The server holds a poll for its timeout; the client allows a little more before calling it lost.
    private static readonly TimeSpan PollGrace = TimeSpan.FromSeconds(10);
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    private readonly TelegramBotClient _client;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;

    public TelegramBotApi(HttpClient http, IOptions<TelegramOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var token = _options.Token ?? throw new InvalidOperationException("Telegram:Token is not set.");
        _client = new TelegramBotClient(new TelegramBotClientOptions(token, _options.ApiUrl.AbsoluteUri.TrimEnd('/')) { RetryThreshold = 0 }, http);
    }

    public Task<User> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync("getMe", _options.RequestTimeout, ct => _client.GetMe(ct), cancellationToken);

    public Task DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync("deleteWebhook", _options.RequestTimeout, async ct => { await _client.DeleteWebhook(dropPendingUpdates: false, ct); return true; }, cancellationToken);

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken) =>
        CallAsync("setMyCommands", _options.RequestTimeout, async ct => { await _client.SetMyCommands(commands, cancellationToken: ct); return true; }, cancellationToken);

    public async Task<IReadOnlyList<Update>> GetUpdatesAsync(int? offset, int limit, TimeSpan timeout, CancellationToken cancellationToken) =>
        await CallAsync(
            "getUpdates",
            timeout + PollGrace,
            ct => _client.GetUpdates(offset, limit, (int)timeout.TotalSeconds, [UpdateType.Message], ct),
            cancellationToken);

    public Task SendMessageAsync(long chatId, string html, TelegramReplyTarget? replyTo, CancellationToken cancellationToken) =>
        CallAsync(
            "sendMessage",
            _options.RequestTimeout,
            ct => _client.SendMessage(
                chatId, html, ParseMode.Html, ReplyTo(replyTo), linkPreviewOptions: NoPreview, messageThreadId: replyTo?.ThreadId, cancellationToken: ct),
            cancellationToken);

    public Task SendPhotoAsync(long chatId, string fileName, byte[] png, string? captionHtml, TelegramReplyTarget? replyTo, CancellationToken cancellationToken) =>
        CallAsync(
            "sendPhoto",
            _options.RequestTimeout,
            async ct =>
            {
                await using var image = new MemoryStream(png, writable: false);
                return await _client.SendPhoto(
                    chatId,
                    InputFile.FromStream(image, SafeFileName(fileName)),
                    string.IsNullOrEmpty(captionHtml) ? null : captionHtml,
                    ParseMode.Html,
                    ReplyTo(replyTo),
                    messageThreadId: replyTo?.ThreadId,
                    cancellationToken: ct);
            },
            cancellationToken);

    public Task<ChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        CallAsync("getChatMember", _options.RequestTimeout, ct => _client.GetChatMember(chatId, userId, ct), cancellationToken);

    private static ReplyParameters? ReplyTo(TelegramReplyTarget? target) =>
        target is null ? null : new ReplyParameters { MessageId = target.MessageId, AllowSendingWithoutReply = true };

    // The file name goes into a hand-written Content-Disposition header: keep it printable ASCII without quotes.
    private static string SafeFileName(string name)
    {
        var safe = new string([.. name.Where(c => c is >= ' ' and < (char)127 and not '"' and not '\\')]);
        return safe.Length == 0 ? "image.png" : safe;
    }

    private async Task<T> CallAsync<T>(string method, TimeSpan timeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestException($"Telegram {method} got no answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (RequestException e) when (e is not ApiRequestException)
        {
            // Rebuilt without the cause, so nothing that saw the request address reaches a log.
            var message = $"Telegram {method} failed: {Redact(e.Message)}{(e.InnerException is { } cause ? " (" + Redact(cause.Message) + ")" : "")}";
            throw e.HttpStatusCode is { } status ? new RequestException(message, status) : new RequestException(message);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RequestException($"Telegram {method} failed: {Redact(e.Message)}");
        }
    }

    private string Redact(string text) =>
        string.IsNullOrEmpty(_options.Token) ? text : text.Replace(_options.Token, "<token>", StringComparison.Ordinal);
}
