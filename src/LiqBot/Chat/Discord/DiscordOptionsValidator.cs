using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Discord;

/// <summary>Checks the Discord section on start; each failure names its key and never echoes the token.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token) || options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token must be the bot token (set the Discord__Token environment variable or a user secret).");
        }

        if (!IsHttpUrl(options.ApiUrl))
        {
            failures.Add("Discord:ApiUrl must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrEmpty(options.GatewayUrl) && !IsWebSocketUrl(options.GatewayUrl))
        {
            failures.Add("Discord:GatewayUrl must be an absolute ws(s) URL when set.");
        }

        Snowflake(options.ApplicationId, "Discord:ApplicationId", failures);
        Snowflake(options.DevelopmentGuildId, "Discord:DevelopmentGuildId", failures);
        foreach (var role in options.AdminRoleIds)
        {
            Snowflake(role, "Discord:AdminRoleIds", failures);
        }

        if (options.ShardCount < 1 || options.ShardId < 0 || options.ShardId >= options.ShardCount)
        {
            failures.Add("Discord:ShardId must be from 0 to Discord:ShardCount - 1, and Discord:ShardCount at least 1.");
        }

        if (options.GlobalRequestsPerSecond is < 1 or > 10_000)
        {
            failures.Add("Discord:GlobalRequestsPerSecond must be from 1 to 10000.");
        }

        if (options.MaxConcurrentSends is < 1 or > 256)
        {
            failures.Add("Discord:MaxConcurrentSends must be from 1 to 256.");
        }

        Positive(options.RequestTimeout, "Discord:RequestTimeout", failures);
        Positive(options.ReconnectDelay, "Discord:ReconnectDelay", failures);
        Positive(options.RetryBaseDelay, "Discord:RetryBaseDelay", failures);
        if (options.MaxReconnectDelay < options.ReconnectDelay)
        {
            failures.Add("Discord:MaxReconnectDelay must be at least Discord:ReconnectDelay.");
        }

        if (options.GlobalWindowMargin < TimeSpan.Zero || options.IdentifyInterval < TimeSpan.Zero
            || options.InvalidSessionDelay < TimeSpan.Zero || options.MaxRetryAfterWait < TimeSpan.Zero)
        {
            failures.Add("Discord:GlobalWindowMargin, IdentifyInterval, InvalidSessionDelay and MaxRetryAfterWait must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool IsWebSocketUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss";

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
