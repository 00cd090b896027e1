using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using LiqBot.Hosting;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Section "Telegram": the bot token, the API address and the posting limits. Ranges are checked by
/// the generated <see cref="TelegramOptionsValidator"/>; the shapes of token, address and name by
/// <see cref="Validate"/>. Every failure names its key and none echoes the token.
/// </summary>
internal sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>From BotFather; set it with the environment (Telegram__Token) or user secrets, never a file. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The Bot API base address; tests point it at a fake on 127.0.0.1.</summary>
    public Uri ApiUrl { get; set; } = new("https://api.telegram.org");

    /// <summary>The bot's username without "@"; when empty it is asked with getMe on start.</summary>
    public string? BotName { get; set; }

    /// <summary>Telegram user ids that count as admins in every chat.</summary>
    public IList<long> AdminUserIds { get; } = [];

    /// <summary>How long one getUpdates call waits for news (Telegram allows up to 50 s).</summary>
    [SettingRange("Telegram:PollTimeout", typeof(TimeSpan), "00:00:01", "00:00:50")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest any other Bot API call may take before it counts as failed (and is retried).</summary>
    [SettingRange("Telegram:RequestTimeout", typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages a second to all chats together (Telegram: about 30).</summary>
    [SettingRange("Telegram:GlobalPerSecond", 1, 1000)]
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Messages a second to one chat (Telegram: 1).</summary>
    [SettingRange("Telegram:PerChatPerSecond", 1, 30)]
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages a minute to one group (Telegram: 20).</summary>
    [SettingRange("Telegram:PerGroupPerMinute", 1, 600)]
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>
    /// How long one outbox batch may take: a message whose turn (per-chat limits, a 429 pause) comes
    /// later goes back to the outbox, so a batch does not hold its chats' messages for long (the outbox renews its lease meanwhile).
    /// </summary>
    [SettingRange("Telegram:MaxBatchDuration", typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxBatchDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest command arguments (characters after the command) that are handled.</summary>
    [SettingRange("Telegram:MaxArgumentsLength", 1, 4000)]
    public int MaxArgumentsLength { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Token) || !TokenShape().IsMatch(Token))
        {
            yield return new ValidationResult(
                "Telegram:Token must be the bot token from BotFather (digits, a colon, then letters), set with the Telegram__Token environment variable or user secrets.",
                [nameof(Token)]);
        }

        if (!ApiUrl.IsAbsoluteUri || ApiUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Telegram:ApiUrl must be an absolute http or https address, e.g. https://api.telegram.org.", [nameof(ApiUrl)]);
        }

        if (!string.IsNullOrEmpty(BotName) && !BotNameShape().IsMatch(BotName))
        {
            yield return new ValidationResult("Telegram:BotName must be the bot's username (5 to 32 letters, digits or underscores), with or without @.", [nameof(BotName)]);
        }
    }

    public override string ToString() =>
        $"Telegram(ApiUrl={ApiUrl}, BotName={BotName}, Token={(string.IsNullOrEmpty(Token) ? "unset" : "set")})";

    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^@?[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex BotNameShape();
}
