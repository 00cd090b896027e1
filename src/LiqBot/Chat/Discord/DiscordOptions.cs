using System.ComponentModel.DataAnnotations;
using LiqBot.Hosting;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Section "Discord". Token comes from the environment (Discord__Token) or user secrets, never a
/// file; it is never logged nor put in exception text. Every URL is configurable so tests point
/// the adapter at the fake on 127.0.0.1. Checked on start by the generated
/// <see cref="DiscordOptionsValidator"/>: ranges by annotation, the rest in <see cref="Validate"/>.
/// </summary>
internal sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>Discord:Token, the bot token from the developer portal (Bot tab).</summary>
    public string Token { get; set; } = "";

    /// <summary>Discord:ApiUrl, the REST base including the version.</summary>
    public string ApiUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Discord:GatewayUrl, a fixed gateway URL (tests); when empty it comes from GET /gateway/bot before each Identify.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Discord:ApplicationId; when empty it is read from READY.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Discord:DevelopmentGuildId: register the commands for this guild only (instant), else globally.</summary>
    public string? DevelopmentGuildId { get; set; }

    /// <summary>Discord:AdminRoleIds, roles whose members may change /config besides Manage Server and Administrator.</summary>
    public IList<string> AdminRoleIds { get; } = [];

    /// <summary>Discord:ShardId and Discord:ShardCount, so several instances can split the guilds.</summary>
    public int ShardId { get; set; }

    public int ShardCount { get; set; } = 1;

    /// <summary>Discord:GlobalRequestsPerSecond, the bot-wide REST limit (interaction routes are exempt).</summary>
    [SettingRange("Discord:GlobalRequestsPerSecond", 1, 10_000)]
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Discord:GlobalWindowMargin: a request counts towards the global limit from sending until one second plus this after its response; doubled (to at most 1 s) after each global 429.</summary>
    public TimeSpan GlobalWindowMargin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Discord:MaxRetryAfterWait: a 429 asking to wait up to this long is waited out and retried; longer ones go back to the caller.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Discord:MaxConcurrentSends, channels posted to at once by the outbox sender.</summary>
    [SettingRange("Discord:MaxConcurrentSends", 1, 256)]
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>Discord:RequestTimeout, the longest one REST call may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Discord:IdentifyInterval, the least time between two Identify (5 s / max_concurrency for one shard per process).</summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Discord:ReconnectDelay and Discord:MaxReconnectDelay: exponential backoff with jitter between gateway connection attempts.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Discord:InvalidSessionDelay: after op 9 d:false wait this times 1 to 5 (jittered) before identifying again.</summary>
    public TimeSpan InvalidSessionDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Discord:RetryBaseDelay: an outbox message failing with 5xx is retried after this, doubled per attempt, jittered, capped at 10 min.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(Token) || Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token must be the bot token (set the Discord__Token environment variable or a user secret).");
        }

        if (!IsUrl(ApiUrl, "http", "https"))
        {
            failures.Add("Discord:ApiUrl must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrEmpty(GatewayUrl) && !IsUrl(GatewayUrl, "ws", "wss"))
        {
            failures.Add("Discord:GatewayUrl must be an absolute ws(s) URL when set.");
        }

        Snowflake(ApplicationId, "Discord:ApplicationId", failures);
        Snowflake(DevelopmentGuildId, "Discord:DevelopmentGuildId", failures);
        foreach (var role in AdminRoleIds)
        {
            Snowflake(role, "Discord:AdminRoleIds", failures);
        }

        if (ShardCount < 1 || ShardId < 0 || ShardId >= ShardCount)
        {
            failures.Add("Discord:ShardId must be from 0 to Discord:ShardCount - 1, and Discord:ShardCount at least 1.");
        }

        Positive(RequestTimeout, "Discord:RequestTimeout", failures);
        Positive(ReconnectDelay, "Discord:ReconnectDelay", failures);
        Positive(RetryBaseDelay, "Discord:RetryBaseDelay", failures);
        if (MaxReconnectDelay < ReconnectDelay)
        {
            failures.Add("Discord:MaxReconnectDelay must be at least Discord:ReconnectDelay.");
        }

        if (GlobalWindowMargin < TimeSpan.Zero || IdentifyInterval < TimeSpan.Zero || InvalidSessionDelay < TimeSpan.Zero || MaxRetryAfterWait < TimeSpan.Zero)
        {
            failures.Add("Discord:GlobalWindowMargin, IdentifyInterval, InvalidSessionDelay and MaxRetryAfterWait must not be negative.");
        }

        return failures.Select(failure => new ValidationResult(failure));
    }

    private static bool IsUrl(string? url, string scheme, string secureScheme) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == scheme || uri.Scheme == secureScheme);

    private static void Snowflake(string? value, string key, List<string> failures)
    {
        if (!string.IsNullOrEmpty(value) && !ulong.TryParse(value, out _))
        {
            failures.Add($"{key} must be a Discord id (digits only), not '{value}'.");
        }
    }

    private static void Positive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive.");
        }
    }
}
