namespace LiqBot.Chat.Telegram;

/// <summary>Section "Telegram": the bot token, the API address and the posting limits.</summary>
internal sealed class TelegramOptions
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
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest any other Bot API call may take before it counts as failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages a second to all chats together (Telegram: about 30).</summary>
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Messages a second to one chat (Telegram: 1).</summary>
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages a minute to one group (Telegram: 20).</summary>
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>
    /// How long one outbox batch may take: a message whose turn (per-chat limits, a 429 pause) comes
    /// later goes back to the outbox, so a batch never outlives its lease (Outbox:Lease, 2 min).
    /// </summary>
    public TimeSpan MaxBatchDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest command arguments (characters after the command) that are handled.</summary>
    public int MaxArgumentsLength { get; set; } = 200;

    public override string ToString() =>
        $"Telegram(ApiUrl={ApiUrl}, BotName={BotName}, Token={(string.IsNullOrEmpty(Token) ? "unset" : "set")})";
}
