using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Discord;

/// <summary>
/// A thin Discord REST client: "Authorization: Bot &lt;token&gt;", the User-Agent Discord asks for, and
/// every call through <see cref="DiscordRateLimiter"/>. A 429 is waited out and retried (the limiter
/// blocks the bucket or everything for retry_after) unless it asks for longer than
/// Discord:MaxRetryAfterWait; then the caller gets it. Logs show route templates only, never paths
/// (interaction tokens) nor the bot token.
/// </summary>
internal sealed partial class DiscordRestClient : IDisposable
{
    private const int MaxAttempts = 3;
    private readonly HttpClient _http;
    private readonly DiscordRateLimiter _limiter;
    private readonly DiscordOptions _options;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly string _baseUrl;

    public DiscordRestClient(IOptions<DiscordOptions> options, DiscordRateLimiter limiter, ILogger<DiscordRestClient> logger)
    {
        _options = options.Value;
        _limiter = limiter;
        _logger = logger;
        _baseUrl = _options.ApiUrl.TrimEnd('/');
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = _options.RequestTimeout,
        };
    }

    public DiscordRateLimiter Limiter => _limiter;

    /// <summary>Sends the call; <paramref name="content"/> is asked for a fresh body per attempt.</summary>
    public async Task<DiscordResponse> SendAsync(DiscordRoute route, Func<HttpContent?> content, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            DiscordResponse response;
            using (var lease = await _limiter.AcquireAsync(route, cancellationToken))
            {
                using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path) { Content = content() };
                request.Headers.TryAddWithoutValidation("Authorization", "Bot " + _options.Token);
                request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/liqbot/liqbot, 1.0)");
                using var http = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var headers = RateLimitHeaders.Read(http.Headers);
                response = await DiscordResponse.ReadAsync(http, headers, cancellationToken);
                lease.Complete(headers, response);
            }

            if (!response.IsRateLimited)
            {
                return response;
            }

            var retryAfter = response.RetryAfter ?? TimeSpan.FromSeconds(1);
            LogRateLimited(route.ToString(), retryAfter.TotalSeconds, response.Global, attempt);
            if (attempt >= MaxAttempts || retryAfter > _options.MaxRetryAfterWait)
            {
                return response;
            }
        }
    }

    /// <summary>Sends JSON (null for no body).</summary>
    public Task<DiscordResponse> SendJsonAsync(DiscordRoute route, string? json, CancellationToken cancellationToken) =>
        SendAsync(route, () => json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"), cancellationToken);

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limited {Route}: retry after {Seconds:0.###} s (global {Global}, attempt {Attempt})")]
    private partial void LogRateLimited(string route, double seconds, bool global, int attempt);
}
