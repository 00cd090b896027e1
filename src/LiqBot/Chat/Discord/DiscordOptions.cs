namespace LiqBot.Chat.Discord;

/// <summary>
/// Section "Discord". Token comes from the environment (Discord__Token) or user secrets, never a
/// file; it is never logged nor put in exception text. Every URL is configurable so tests point
/// the adapter at the fake on 127.0.0.1.
/// </summary>
internal sealed class DiscordOptions
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
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Discord:GlobalWindowMargin: a request counts towards the global limit from sending until one second plus this after its response; doubled (to at most 1 s) after each global 429.</summary>
    public TimeSpan GlobalWindowMargin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Discord:MaxRetryAfterWait: a 429 asking to wait up to this long is waited out and retried; longer ones go back to the caller.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Discord:MaxConcurrentSends, channels posted to at once by the outbox sender.</summary>
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
}
