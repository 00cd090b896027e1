namespace LiqBot.Storage;

/// <summary>The chat platforms a <see cref="ChatAddress"/> can name.</summary>
internal static class ChatPlatforms
{
    public const string Discord = "discord";
    public const string Telegram = "telegram";
    public const string Console = "console";

    public static IReadOnlyList<string> All { get; } = [Discord, Telegram, Console];

    public static bool IsKnown(string? platform) => platform is Discord or Telegram or Console;
}
