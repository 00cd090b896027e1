namespace LiqBot.Fakes.Telegram;

/// <summary>The limits the fake enforces with 429 retry_after, on its own clock: Telegram's published ones by default.</summary>
public sealed record FakeTelegramLimits(int GlobalPerSecond = 30, int PerChatPerSecond = 1, int PerGroupPerMinute = 20, bool Enabled = true)
{
    public static FakeTelegramLimits Off { get; } = new(Enabled: false);
}
