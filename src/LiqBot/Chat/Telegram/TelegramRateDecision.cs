namespace LiqBot.Chat.Telegram;

/// <summary>Whether a send may start; if not, how long until it may and whether the whole bot (not just the chat) is held back.</summary>
internal readonly record struct TelegramRateDecision(bool Allowed, TimeSpan Wait, bool Global)
{
    public static TelegramRateDecision Started => new(true, TimeSpan.Zero, false);

    public static TelegramRateDecision Blocked(TimeSpan wait, bool global) => new(false, wait, global);
}
